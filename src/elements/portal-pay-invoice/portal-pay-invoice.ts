import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PortalError } from '../../contract/errors.js';
import { IntentFlowController } from '../../controllers/intent-flow.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { queries, when } from '../../core/queries.js';
import { QueryController, loadedValue } from '../../core/query.js';
import {
  type Allocation,
  type AllocationResult,
  type Invoice,
  type Money,
  type PayInvoice,
  type PaymentMethod,
  type PaymentReceipt,
  type PortalSettings,
  currencyExponent,
  formatAmountInput,
  money,
  splitEvenly,
  sum,
} from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { renderInvoiceStatus } from '../../ui/invoice-status.js';
import {
  isUsable,
  isoToday,
  paymentMethodDetails,
  paymentMethodLabel,
} from '../../ui/payment-method-label.js';
import {
  errorMessage,
  renderEmpty,
  renderError,
  renderLoading,
  renderMisconfigured,
} from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { type AmountProblem, type SplitRow, checkAmount, checkSplit, restFor } from './draft.js';
import { payStyles } from './portal-pay-invoice.styles.js';
import { receiptSummary } from './receipt.js';
import { payMessages } from './messages.js';

/**
 * The steps the customer sees (R-PAY-16) are those of IntentFlowController: form → Review → review →
 * Pay → in flight → the receipt (done), "we could not confirm" (unknown, Check again re-sends the same
 * request and key), or a refusal (nothing charged) back on the form with the reason, or on the review
 * when the same request may simply be sent again (too many attempts).
 */

/** What the element needs loaded before it can offer a payment. */
interface Loaded {
  settings: PortalSettings;
  invoice: Invoice;
  methods: PaymentMethod[];
  usable: PaymentMethod[];
  today: string;
}

/** The payment on review: what will be charged to which method, checked and frozen. */
interface Review {
  invoiceId: string;
  invoiceNumber: string;
  allocations: Allocation[];
  due: Money;
}

/** What the form shows for its current values: a message per field id, and the split's remainder. */
interface Draft {
  allocations: Allocation[] | null;
  errors: Map<string, string>;
  left?: Money;
  /** The split asks for more than is due (always shown) or, without partial payments, for less. */
  splitProblem?: { message: string; always: boolean };
}

let instances = 0;

/** Where the currency sign goes for this locale ("$12.50", "12,50 €") and which sign it is. */
function currencyAdornment(
  currency: string,
  locale: string,
): { sign: string; position: 'prefix' | 'suffix' } {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const sign = parts.find((part) => part.type === 'currency')?.value ?? currency;
  const signAt = parts.findIndex((part) => part.type === 'currency');
  const numberAt = parts.findIndex((part) => part.type === 'integer');
  return { sign, position: signAt > numberAt ? 'suffix' : 'prefix' };
}

/**
 * @summary Pays one invoice: the amount due or part of it, with one payment method or split across
 * several, through a review step, with one idempotency key per customer intent.
 *
 * The flow: the form (amount and methods) → Review → "Pay <amount>" → the receipt. The key is made when
 * the customer confirms the review and reused for every retry of that payment — a double click, Enter
 * twice, "Check again" after a lost answer — so the backend charges once. After a network failure,
 * timeout or unreadable answer the outcome is unknown: the element says so, never "paid", and offers to
 * check again with the same request. Only a receipt from the backend shows a payment as made.
 *
 * Split payments are independent partial payments (the backend's documented policy): the receipt says
 * allocation by allocation what was charged and what was not, and offers to pay what is still due.
 *
 * @fires portal-payment - A payment request finished with a receipt (succeeded, partly succeeded or
 *   failed); `detail.receipt`.
 * @fires portal-navigate - The customer pressed Done on the receipt: `{ section: 'invoices', invoiceId }`,
 *   cancelable. `<portal-invoice>` handles it by showing the invoice again; when nobody cancels it the
 *   element starts over on the refreshed invoice.
 * @fires portal-error - A payment request failed; `detail.operation` is `payInvoice`.
 *
 * @csspart base - The column holding the current step.
 * @csspart heading - The heading of the current step.
 * @csspart form - The payment form, and the review's confirmation form.
 * @csspart amount - The "how much" group.
 * @csspart methods - The payment method group.
 * @csspart split - The split-payment group.
 * @csspart split-row - One method and amount of a split payment.
 * @csspart summary - The table of what will be (or was) charged to which method.
 * @csspart submit - The main button of each step.
 * @csspart notice - The outcome message of the receipt and of an unknown outcome.
 * @csspart error - A refusal or loading error.
 * @csspart loading - The skeleton shown while the invoice, methods and settings load.
 * @csspart empty - The message when there is nothing to pay, or nothing to pay with.
 *
 * @cssproperty --portal-pay-invoice-max-width - Width of the payment column (default 40rem).
 * @cssproperty --portal-color-primary - Brand colour of the main buttons and the chosen method.
 * @cssproperty --portal-control-height - Height of fields and buttons; keep it at 24px or more (WCAG 2.5.8).
 */
export class PortalPayInvoice extends PortalElement<typeof payMessages> {
  static override styles = [...elementStyles, payStyles];
  static override messages = payMessages;

  private readonly settingsQuery = new QueryController(this, queries.settings);

  private readonly invoiceQuery = new QueryController(
    this,
    queries.invoice(() => this.invoiceId),
  );

  private readonly methodsQuery = new QueryController(
    this,
    when(() => !!this.invoiceId, queries.paymentMethods),
  );

  /** The payment as one customer intent: its key, its progress, a lost answer, a reload. */
  private readonly flow = new IntentFlowController(this, {
    operation: 'payInvoice',
    intent: () => (this.invoiceId ? `invoice:${this.invoiceId}` : null),
    done: (receipt) => this.finished(receipt),
    unknown: (again) => this.outcomeUnknown(again),
    refused: (error, request, final) => this.refused(error, request, final),
    failed: (error) => emit(this, 'portal-error', { error, operation: 'payInvoice' }),
  });

  @state() private amountMode: 'full' | 'part' = 'full';
  /** The partial amount exactly as typed. */
  @state() private partText = '';
  /** The chosen method; null means the default (or the first that can pay). */
  @state() private methodId: string | null = null;
  @state() private splitting = false;
  @state() private rows: SplitRow[] = [];
  /** Fields the customer has left, whose problems show before they press Review. */
  @state() private touched: ReadonlySet<string> = new Set();
  @state() private showAllErrors = false;
  /** Field id → the backend's reason for refusing it; cleared when the field changes. */
  @state() private serverErrors: ReadonlyMap<string, string> = new Map();
  /** A refusal that belongs to no single field, shown above the current step. */
  @state() private failure: string | null = null;
  @state() private reviewing: Review | null = null;
  @state() private announcement = '';

  /** The invoice to pay. */
  @property({ attribute: 'invoice-id' }) invoiceId = '';

  /**
   * The receipt on show. The element sets it when a payment finishes; set it to show a receipt (a page
   * restoring a finished payment), or clear it to leave the receipt for a new payment.
   */
  @property({ attribute: false }) receipt?: PaymentReceipt;

  private readonly uid = `portal-pay-invoice-${++instances}`;
  private focusAfterUpdate: string | null = null;
  private nextRowKey = 1;

  private get headingId(): string {
    return `${this.uid}-heading`;
  }
  private get amountId(): string {
    return `${this.uid}-amount`;
  }
  private get methodsId(): string {
    return `${this.uid}-methods`;
  }
  private get splitId(): string {
    return `${this.uid}-split`;
  }
  private rowMethodId(key: number): string {
    return `${this.uid}-row-${key}-method`;
  }
  private rowAmountId(key: number): string {
    return `${this.uid}-row-${key}-amount`;
  }

  // Lifecycle

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) {
      // Another invoice is another intent: nothing typed for the last one applies. A payment still in
      // flight for the last one carries on; the store keeps it, and this element stops following it.
      this.startOver();
    }
    if (changed.has('receipt')) {
      if (this.receipt) {
        this.flow.showDone();
      } else if (this.flow.step === 'done') {
        this.startOver();
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const id = this.focusAfterUpdate;
    if (!id) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    // The heading may not exist yet (still loading): focus it once it does. Anything else is now or never.
    if (target || id !== this.headingId) this.focusAfterUpdate = null;
    // After this update, not inside it: the field that loses focus may tidy itself (a new update).
    if (target) queueMicrotask(() => target.focus());
  }

  /** Moves focus to the heading of the current step (once it has rendered). */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>(`#${CSS.escape(this.headingId)}`);
    if (heading) {
      heading.focus(options);
      return;
    }
    this.focusAfterUpdate = this.headingId;
    this.requestUpdate();
  }

  /**
   * Puts `text` in the live region. Saying the same thing twice changes nothing in the DOM, so screen
   * readers would stay silent; a trailing no-break space that comes and goes makes it a change.
   */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  // Data

  private loaded(): Loaded | null {
    const settings = loadedValue(this.settingsQuery.state);
    const invoice = loadedValue(this.invoiceQuery.state);
    const methods = loadedValue(this.methodsQuery.state);
    if (!settings || !invoice || !methods) return null;
    const today = isoToday();
    return { settings, invoice, methods, usable: methods.filter((each) => isUsable(each, today)), today };
  }

  private chosenMethod(data: Loaded): PaymentMethod | undefined {
    const { usable } = data;
    return (
      usable.find((each) => each.id === this.methodId) ?? usable.find((each) => each.isDefault) ?? usable[0]
    );
  }

  private canSplit(data: Loaded): boolean {
    const { splitPayments, maxSplitMethods } = data.settings.invoices;
    return splitPayments && maxSplitMethods >= 2 && data.usable.length >= 2;
  }

  private maxRows(data: Loaded): number {
    return Math.min(data.settings.invoices.maxSplitMethods, data.usable.length);
  }

  private labelOf(methods: readonly PaymentMethod[] | undefined, id: string, fallback: string): string {
    const method = methods?.find((each) => each.id === id);
    return method ? paymentMethodLabel(this.t, method) : fallback;
  }

  private amountMessage(problem: AmountProblem, due: Money): string {
    const t = this.t.pay;
    switch (problem) {
      case 'empty':
        return t.amountRequired;
      case 'invalid':
        return t.amountInvalid(formatAmountInput(due, this.resolvedLocale));
      case 'precision':
        return t.amountPrecision(currencyExponent(due.currency));
      case 'zero':
        return t.amountZero;
      case 'too_large':
        return t.amountTooLarge(this.format.money(due));
    }
  }

  /** Checks what the customer typed against the invoice: allocations to send, or why not yet. */
  private check(data: Loaded): Draft {
    const t = this.t.pay;
    const due = data.invoice.amountDue;
    const partialAllowed = data.settings.invoices.partialPayments;
    const errors = new Map<string, string>();
    if (this.splitting && this.canSplit(data)) {
      const split = checkSplit({
        rows: this.rows,
        due,
        usable: data.usable,
        locale: this.resolvedLocale,
        partialAllowed,
      });
      for (const row of this.rows) {
        const problem = split.amounts.get(row.key);
        if (problem) errors.set(this.rowAmountId(row.key), this.amountMessage(problem, due));
        if (split.missingMethod.has(row.key)) errors.set(this.rowMethodId(row.key), t.methodRequired);
        if (split.repeatedMethod.has(row.key)) errors.set(this.rowMethodId(row.key), t.methodRepeated);
      }
      const { left } = split;
      const splitProblem =
        left.amount < 0
          ? {
              message: t.overAllocated(
                this.format.money(money(-left.amount, left.currency)),
                this.format.money(due),
              ),
              always: true,
            }
          : left.amount > 0 && !partialAllowed
            ? { message: t.mustAllocateAll(this.format.money(left)), always: false }
            : undefined;
      return { allocations: split.allocations, errors, left, splitProblem };
    }
    const method = this.chosenMethod(data);
    if (!method) errors.set(this.methodsId, t.methodRequired);
    let amount: Money | null = due;
    if (partialAllowed && this.amountMode === 'part') {
      const checked = checkAmount(this.partText, due, this.resolvedLocale);
      if (checked.ok) amount = checked.value;
      else {
        amount = null;
        errors.set(this.amountId, this.amountMessage(checked.problem, due));
      }
    }
    return {
      allocations: method && amount ? [{ paymentMethodId: method.id, amount }] : null,
      errors,
    };
  }

  /** The message to show for a field now: the backend's refusal, or a problem the customer has seen. */
  private shownError(draft: Draft, id: string): string | undefined {
    const server = this.serverErrors.get(id);
    if (server) return server;
    return this.showAllErrors || this.touched.has(id) ? draft.errors.get(id) : undefined;
  }

  // Editing: every change makes a new intent, so the next confirmation gets a new key.

  private edited(...fieldIds: string[]): void {
    this.flow.newIntent();
    this.failure = null;
    if (fieldIds.some((id) => this.serverErrors.has(id))) {
      this.serverErrors = new Map([...this.serverErrors].filter(([id]) => !fieldIds.includes(id)));
    }
  }

  private touch(id: string): void {
    if (!this.touched.has(id)) this.touched = new Set([...this.touched, id]);
  }

  private onAmountMode(event: Event): void {
    this.amountMode = (event.target as HTMLInputElement).value === 'part' ? 'part' : 'full';
    this.edited(this.amountId);
  }

  private onPartInput(event: Event): void {
    this.partText = (event.target as HTMLInputElement).value;
    this.edited(this.amountId);
  }

  /** A valid amount is rewritten in the locale's form on leaving the field ("12,5" → "12,50"). */
  private tidy(text: string, due: Money): string {
    const checked = checkAmount(text, due, this.resolvedLocale);
    return checked.ok ? formatAmountInput(checked.value, this.resolvedLocale) : text;
  }

  private onPartBlur(due: Money): void {
    // Leaving the form (to the review) removes the field, which blurs it: nothing to tidy then.
    if (this.flow.step !== 'form') return;
    this.partText = this.tidy(this.partText, due);
    this.touch(this.amountId);
  }

  private onMethod(event: Event): void {
    this.methodId = (event.target as HTMLInputElement).value;
    this.edited(this.methodsId);
  }

  private startSplit(data: Loaded): void {
    if (this.rows.length === 0) {
      // Start from what the customer already chose, shared evenly between two methods.
      const due = data.invoice.amountDue;
      const part =
        data.settings.invoices.partialPayments && this.amountMode === 'part'
          ? checkAmount(this.partText, due, this.resolvedLocale)
          : null;
      const target = part?.ok ? part.value : due;
      const first = this.chosenMethod(data) ?? data.usable[0];
      const second = data.usable.find((each) => each.id !== first.id) ?? first;
      const shares = target.amount >= 2 ? splitEvenly(target, 2) : [target, money(0, target.currency)];
      this.rows = [first, second].map((method, index) => ({
        key: this.nextRowKey++,
        methodId: method.id,
        amountText: shares[index].amount > 0 ? formatAmountInput(shares[index], this.resolvedLocale) : '',
      }));
    }
    this.splitting = true;
    this.edited();
    this.focusAfterUpdate = this.rowMethodId(this.rows[0].key);
  }

  private stopSplit(): void {
    this.splitting = false;
    if (this.rows[0]) this.methodId = this.rows[0].methodId;
    this.edited();
    this.focusAfterUpdate = this.methodsId;
  }

  private updateRow(key: number, change: Partial<SplitRow>): void {
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, ...change } : row));
  }

  private onRowMethod(key: number, event: Event): void {
    this.updateRow(key, { methodId: (event.target as HTMLSelectElement).value });
    // A repeated method is reported on the later row; changing either row may resolve it.
    this.edited(...this.rows.map((row) => this.rowMethodId(row.key)));
  }

  private onRowAmount(key: number, event: Event): void {
    this.updateRow(key, { amountText: (event.target as HTMLInputElement).value });
    this.edited(this.rowAmountId(key));
  }

  private onRowAmountBlur(key: number, due: Money): void {
    if (this.flow.step !== 'form') return;
    const row = this.rows.find((each) => each.key === key);
    if (row) this.updateRow(key, { amountText: this.tidy(row.amountText, due) });
    this.touch(this.rowAmountId(key));
  }

  private fillRest(key: number, due: Money): void {
    const rest = restFor(this.rows, key, due, this.resolvedLocale);
    this.updateRow(key, { amountText: formatAmountInput(rest, this.resolvedLocale) });
    this.touch(this.rowAmountId(key));
    this.edited(this.rowAmountId(key));
  }

  private addRow(data: Loaded): void {
    if (this.rows.length >= this.maxRows(data)) return;
    const used = new Set(this.rows.map((row) => row.methodId));
    const method = data.usable.find((each) => !used.has(each.id)) ?? data.usable[0];
    const row: SplitRow = { key: this.nextRowKey++, methodId: method.id, amountText: '' };
    this.rows = [...this.rows, row];
    this.edited();
    this.announce(this.t.pay.rowAdded(this.rows.length));
    this.focusAfterUpdate = this.rowMethodId(row.key);
  }

  private removeRow(key: number): void {
    const index = this.rows.findIndex((row) => row.key === key);
    if (index < 0 || this.rows.length <= 1) return;
    this.rows = this.rows.filter((row) => row.key !== key);
    this.serverErrors = new Map(
      [...this.serverErrors].filter(([id]) => id !== this.rowAmountId(key) && id !== this.rowMethodId(key)),
    );
    this.edited();
    this.announce(this.t.pay.rowRemoved(index + 1));
    // Focus goes to the row that took its place, or the one before when the last was removed.
    const next = this.rows[Math.min(index, this.rows.length - 1)];
    this.focusAfterUpdate = this.rowMethodId(next.key);
  }

  // Steps

  private onReview(event: SubmitEvent): void {
    event.preventDefault();
    const data = this.loaded();
    if (this.flow.busy || !data) return;
    const draft = this.check(data);
    if (!draft.allocations) {
      this.showAllErrors = true;
      this.announce(draft.splitProblem?.message ?? this.t.pay.fixErrors);
      const fields = [...draft.errors.keys(), ...this.serverErrors.keys()];
      const first = this.fieldOrder(data).find((id) => fields.includes(id));
      this.focusAfterUpdate = first ?? (this.splitting ? this.rowAmountId(this.rows[0].key) : null);
      return;
    }
    this.reviewing = {
      invoiceId: data.invoice.id,
      invoiceNumber: data.invoice.number,
      allocations: draft.allocations,
      due: data.invoice.amountDue,
    };
    this.flow.review();
    this.failure = null;
    this.focusAfterUpdate = this.headingId;
  }

  /** Field ids in the order they appear, so focus goes to the first problem on screen. */
  private fieldOrder(data: Loaded): string[] {
    if (this.splitting && this.canSplit(data)) {
      return this.rows.flatMap((row) => [this.rowMethodId(row.key), this.rowAmountId(row.key)]);
    }
    return [this.amountId, this.methodsId];
  }

  private onBack(): void {
    if (this.flow.busy) return;
    this.flow.back();
    this.failure = null;
    this.focusAfterUpdate = this.headingId;
  }

  private async onConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const review = this.reviewing;
    // R-PAY-15: the first activation wins; a second click, Enter or submit finds the flow busy and stops.
    if (this.flow.busy || !review) return;
    this.failure = null;
    this.announce(this.t.pay.processing);
    await this.flow.submit({ invoiceId: review.invoiceId, allocations: review.allocations });
  }

  private async onCheckAgain(): Promise<void> {
    if (this.flow.busy || !this.flow.request) return;
    this.failure = null;
    this.announce(this.t.pay.checking);
    await this.flow.checkAgain();
  }

  private finished(receipt: PaymentReceipt): void {
    this.reviewing = null;
    this.receipt = receipt;
    this.announce(`${this.t.pay.receiptHeading[receipt.status]}. ${this.receiptText(receipt)}`);
    this.focusAfterUpdate = this.headingId;
    emit(this, 'portal-payment', { receipt });
  }

  private outcomeUnknown(wasUnknown: boolean): void {
    if (wasUnknown) {
      this.announce(this.t.pay.stillUnknown);
    } else {
      this.announce(this.t.pay.unknownHeading);
      this.focusAfterUpdate = this.headingId;
    }
  }

  /** The backend refused the payment: nothing was charged. Say why, where it can be fixed. */
  private refused(error: PortalError, request: PayInvoice, final: boolean): void {
    const t = this.t.pay;
    if (!final) {
      // Refused before it ran (too many attempts, session ended): the same request may be sent again.
      this.failure = errorMessage(this.t, error);
      this.announce(this.failure);
      return;
    }
    // A refusal is a final outcome (the flow is back on the form): what is sent next is a new intent.
    this.focusAfterUpdate = this.headingId;
    switch (error.code) {
      case 'validation': {
        const placed = this.placeFieldErrors(error, request);
        this.serverErrors = placed;
        this.failure = placed.size > 0 ? t.fixErrors : this.t.errors.validation;
        const first = [...placed.keys()][0];
        if (first) this.focusAfterUpdate = first;
        break;
      }
      case 'forbidden':
        // The merchant changed what is allowed: the store refreshes the settings, and the form follows.
        this.failure = t.forbidden;
        break;
      case 'conflict':
        this.failure = t.conflict;
        break;
      case 'not_found':
        this.failure = t.methodGone;
        break;
      default:
        this.failure = t.declined;
    }
    this.announce(this.failure ?? '');
  }

  /** Backend field errors (`allocations.1.amount`) placed on the field the customer filled in. */
  private placeFieldErrors(error: PortalError, request: PayInvoice): Map<string, string> {
    const placed = new Map<string, string>();
    for (const fieldError of error.fieldErrors) {
      const match = /^allocations\.(\d+)\.(amount|paymentMethodId)$/.exec(fieldError.path);
      if (!match) continue;
      const index = Number(match[1]);
      const isAmount = match[2] === 'amount';
      let id: string | null;
      if (this.splitting && request.allocations.length === this.rows.length) {
        const row = this.rows[index];
        id = row ? (isAmount ? this.rowAmountId(row.key) : this.rowMethodId(row.key)) : null;
      } else {
        id = isAmount ? (this.amountMode === 'part' ? this.amountId : null) : this.methodsId;
      }
      if (!id || placed.has(id)) continue;
      placed.set(
        id,
        fieldError.code === 'too_large'
          ? this.t.pay.tooLarge
          : (this.t.fieldErrors[fieldError.code] ?? this.t.fieldErrors.invalid),
      );
    }
    return placed;
  }

  /** Leaves the receipt (or another invoice's form) for a new intent, with nothing carried over. */
  private startOver(preferredMethodId: string | null = null): void {
    this.flow.startOver();
    this.reviewing = null;
    this.receipt = undefined;
    this.amountMode = 'full';
    this.partText = '';
    this.methodId = preferredMethodId;
    this.splitting = false;
    this.rows = [];
    this.touched = new Set();
    this.showAllErrors = false;
    this.serverErrors = new Map();
    this.failure = null;
  }

  /** A method that did not fail in `receipt`, to preselect for paying what is left. */
  private methodNotDeclined(receipt: PaymentReceipt): string | null {
    const data = this.loaded();
    if (!data) return null;
    const failed = new Set(
      receipt.allocations.filter((each) => each.outcome !== 'succeeded').map((each) => each.paymentMethodId),
    );
    const candidates = data.usable.filter((each) => !failed.has(each.id));
    return (candidates.find((each) => each.isDefault) ?? candidates[0])?.id ?? null;
  }

  /** A new intent for what is still due, any method allowed, the one that failed not preselected. */
  private onPayRest(receipt: PaymentReceipt): void {
    this.startOver(this.methodNotDeclined(receipt));
    this.focusAfterUpdate = this.headingId;
  }

  /** Back to the form with what was typed, to choose another method; the failed intent is over. */
  private onTryAnother(receipt: PaymentReceipt): void {
    if (!this.splitting) this.methodId = this.methodNotDeclined(receipt);
    this.receipt = undefined;
    this.flow.startOver();
    this.focusAfterUpdate = this.headingId;
  }

  private onDone(): void {
    const handled = !emit(
      this,
      'portal-navigate',
      { section: 'invoices', invoiceId: this.invoiceId },
      { cancelable: true },
    );
    this.startOver();
    if (!handled) this.focusAfterUpdate = this.headingId;
  }

  private receiptText(receipt: PaymentReceipt): string {
    const methods = loadedValue(this.methodsQuery.state);
    return receiptSummary(this.t.pay, this.format, receipt, (allocation: AllocationResult) =>
      this.labelOf(methods, allocation.paymentMethodId, allocation.methodLabel),
    );
  }

  // Rendering

  private renderHeading(text: string): TemplateResult {
    return html`<h2 id=${this.headingId} tabindex="-1" part="heading">${text}</h2>`;
  }

  private renderFailure(): TemplateResult {
    // Always in the page, so an alert that appears is announced.
    return html`<div role="alert">
      ${this.failure ? html`<div class="alert error" part="error"><p>${this.failure}</p></div>` : nothing}
    </div>`;
  }

  private renderDueFacts(invoice: Invoice): TemplateResult {
    const t = this.t;
    return renderFacts([
      { label: t.pay.amountDue, value: this.format.money(invoice.amountDue) },
      invoice.dueDate && { label: t.pay.dueDate, value: this.format.date(invoice.dueDate) },
      {
        label: t.invoiceKind[invoice.kind],
        value: html`${invoice.number} ${renderInvoiceStatus(t, invoice.status)}`,
      },
    ]);
  }

  private renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
    return message ? html`<span class="error" id=${`${id}-error`}>${message}</span>` : nothing;
  }

  private renderMoneyInput(options: {
    id: string;
    value: string;
    currency: string;
    error: string | undefined;
    hintId?: string;
    onInput: (event: Event) => void;
    onBlur: () => void;
  }): TemplateResult {
    const { sign, position } = currencyAdornment(options.currency, this.resolvedLocale);
    const describedBy =
      [options.hintId ?? '', options.error ? `${options.id}-error` : ''].filter(Boolean).join(' ') ||
      undefined;
    return html`<div class="money-input ${position}">
      <span class="currency" aria-hidden="true">${sign}</span>
      <input
        id=${options.id}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(options.value)}
        @input=${options.onInput}
        @blur=${options.onBlur}
      />
    </div>`;
  }

  private renderAmount(data: Loaded, draft: Draft): TemplateResult {
    const t = this.t.pay;
    const due = data.invoice.amountDue;
    const error = this.shownError(draft, this.amountId);
    const hintId = `${this.amountId}-hint`;
    return html`<fieldset part="amount">
      <legend>${t.amountLegend}</legend>
      <div class="choices">
        <label class="choice">
          <input
            type="radio"
            name="amount-mode"
            value="full"
            .checked=${live(this.amountMode === 'full')}
            @change=${this.onAmountMode}
          />
          <span class="choice-body"
            ><span class="choice-label">${t.payFull(this.format.money(due))}</span></span
          >
        </label>
        <label class="choice">
          <input
            type="radio"
            name="amount-mode"
            value="part"
            .checked=${live(this.amountMode === 'part')}
            @change=${this.onAmountMode}
          />
          <span class="choice-body"><span class="choice-label">${t.payPart}</span></span>
        </label>
      </div>
      ${
        this.amountMode === 'part'
          ? html`<div class="field nested">
              <label for=${this.amountId}>${t.amountLabel(due.currency)}</label>
              <span class="hint" id=${hintId}>${t.amountHint(this.format.money(due))}</span>
              ${this.renderMoneyInput({
                id: this.amountId,
                value: this.partText,
                currency: due.currency,
                error,
                hintId,
                onInput: (event) => this.onPartInput(event),
                onBlur: () => this.onPartBlur(due),
              })}
              ${this.renderFieldError(this.amountId, error)}
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderMethodChoice(method: PaymentMethod, data: Loaded, chosen: PaymentMethod | undefined) {
    const t = this.t;
    const details = paymentMethodDetails(t, method, data.today);
    const id = `${this.uid}-method-${method.id}`;
    return html`<label class="choice">
      <input
        type="radio"
        name="method"
        value=${method.id}
        .checked=${live(chosen?.id === method.id)}
        ?disabled=${details.expired}
        aria-labelledby=${`${id}-label`}
        aria-describedby=${`${id}-detail`}
        @change=${this.onMethod}
      />
      <span class="choice-body">
        <span class="choice-label" id=${`${id}-label`}>${paymentMethodLabel(t, method)}</span>
        <span class="choice-detail" id=${`${id}-detail`}>
          ${details.bankName ? html`<span>${details.bankName}</span>` : nothing}
          ${details.expiry ? html`<span>${details.expiry}</span>` : nothing}
          ${details.expiringSoon ? html`<span class="badge warning">${t.paymentMethod.expiresSoon}</span>` : nothing}
          ${details.isDefault ? html`<span class="badge neutral">${t.paymentMethod.isDefault}</span>` : nothing}
          ${details.expired ? html`<span>${t.paymentMethod.expiredReason}</span>` : nothing}
        </span>
      </span>
    </label>`;
  }

  private renderMethods(data: Loaded, draft: Draft): TemplateResult {
    const t = this.t.pay;
    const error = this.shownError(draft, this.methodsId);
    const chosen = this.chosenMethod(data);
    return html`<fieldset
      id=${this.methodsId}
      tabindex="-1"
      part="methods"
      aria-describedby=${ifDefined(error ? `${this.methodsId}-error` : undefined)}
    >
      <legend>${t.methodLegend}</legend>
      <div class="choices">
        ${data.methods.map((method) => this.renderMethodChoice(method, data, chosen))}
      </div>
      ${this.renderFieldError(this.methodsId, error)}
      ${
        this.canSplit(data)
          ? html`<p>
              <button type="button" class="button link" @click=${() => this.startSplit(data)}>
                ${t.splitStart}
              </button>
            </p>`
          : nothing
      }
    </fieldset>`;
  }

  private renderRow(row: SplitRow, index: number, data: Loaded, draft: Draft): TemplateResult {
    const t = this.t;
    const n = index + 1;
    const due = data.invoice.amountDue;
    const methodId = this.rowMethodId(row.key);
    const amountId = this.rowAmountId(row.key);
    const methodError = this.shownError(draft, methodId);
    const amountError = this.shownError(draft, amountId);
    const usedElsewhere = new Set(
      this.rows.filter((each) => each.key !== row.key).map((each) => each.methodId),
    );
    return html`<li class="row" part="split-row">
      <div class="field">
        <label for=${methodId}>${t.pay.rowMethod(n)}</label>
        <select
          id=${methodId}
          aria-invalid=${methodError ? 'true' : 'false'}
          aria-describedby=${ifDefined(methodError ? `${methodId}-error` : undefined)}
          @change=${(event: Event) => this.onRowMethod(row.key, event)}
        >
          ${data.methods.map((method) => {
            const usable = isUsable(method, data.today);
            const label = paymentMethodLabel(t, method);
            return html`<option
              value=${method.id}
              .selected=${live(method.id === row.methodId)}
              ?disabled=${!usable || usedElsewhere.has(method.id)}
            >
              ${usable ? label : t.pay.expiredOption(label)}
            </option>`;
          })}
        </select>
        ${this.renderFieldError(methodId, methodError)}
      </div>
      <div class="field">
        <label for=${amountId}>${t.pay.rowAmount(n, due.currency)}</label>
        ${this.renderMoneyInput({
          id: amountId,
          value: row.amountText,
          currency: due.currency,
          error: amountError,
          onInput: (event) => this.onRowAmount(row.key, event),
          onBlur: () => this.onRowAmountBlur(row.key, due),
        })}
        ${this.renderFieldError(amountId, amountError)}
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="button link"
          aria-label=${t.pay.fillRestRow(n)}
          @click=${() => this.fillRest(row.key, due)}
        >
          ${t.pay.fillRest}
        </button>
        ${
          this.rows.length > 1
            ? html`<button
                type="button"
                class="button link danger"
                aria-label=${t.pay.removeRow(n)}
                @click=${() => this.removeRow(row.key)}
              >
                ${t.pay.remove}
              </button>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderSplit(data: Loaded, draft: Draft): TemplateResult {
    const t = this.t.pay;
    const left = draft.left ?? money(0, data.invoice.amountDue.currency);
    const problem = draft.splitProblem;
    const showProblem = !!problem && (problem.always || this.showAllErrors);
    const hintId = `${this.splitId}-hint`;
    const statusId = `${this.splitId}-status`;
    const max = this.maxRows(data);
    return html`<fieldset id=${this.splitId} part="split" aria-describedby=${`${hintId} ${statusId}`}>
      <legend>${t.splitLegend}</legend>
      <p class="hint" id=${hintId}>
        ${t.splitHint(data.settings.invoices.maxSplitMethods)}
        ${data.settings.invoices.partialPayments ? t.leftStaysDue : nothing}
      </p>
      <ol class="rows">
        ${repeat(
          this.rows,
          (row) => row.key,
          (row, index) => this.renderRow(row, index, data, draft),
        )}
      </ol>
      <p id=${statusId} role="status" class=${showProblem ? 'remainder over' : 'remainder'}>
        ${showProblem ? problem.message : t.leftToAllocate(this.format.money(left.amount < 0 ? money(0, left.currency) : left))}
      </p>
      <div class="split-tools">
        ${
          this.rows.length < max
            ? html`<button type="button" class="button" @click=${() => this.addRow(data)}>
                ${t.addRow}
              </button>`
            : html`<p class="hint">${t.maxRows(max)}</p>`
        }
        <button type="button" class="button link" @click=${this.stopSplit}>${t.splitStop}</button>
      </div>
    </fieldset>`;
  }

  private renderForm(data: Loaded): TemplateResult {
    const t = this.t.pay;
    const draft = this.check(data);
    const splitting = this.splitting && this.canSplit(data);
    return html`${this.renderHeading(t.heading(data.invoice.number))} ${this.renderDueFacts(data.invoice)}
      ${this.renderFailure()}
      <form part="form" novalidate aria-labelledby=${this.headingId} @submit=${this.onReview}>
        ${data.settings.invoices.partialPayments && !splitting ? this.renderAmount(data, draft) : nothing}
        ${splitting ? this.renderSplit(data, draft) : this.renderMethods(data, draft)}
        <div class="actions">
          <button type="submit" class="button primary" part="submit">${t.review}</button>
        </div>
      </form>`;
  }

  private renderCharges(
    allocations: readonly Allocation[],
    methods: readonly PaymentMethod[] | undefined,
    totals: { label: string; value: Money }[],
  ): TemplateResult {
    const t = this.t.pay;
    return html`<table part="summary">
      <thead>
        <tr>
          <th scope="col">${t.chargeTo}</th>
          <th scope="col" class="num">${t.charge}</th>
        </tr>
      </thead>
      <tbody>
        ${allocations.map(
          (allocation) =>
            html`<tr>
              <th scope="row">
                ${this.labelOf(methods, allocation.paymentMethodId, allocation.paymentMethodId)}
              </th>
              <td class="num">${this.format.money(allocation.amount)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        ${totals.map(
          (total) =>
            html`<tr>
              <th scope="row">${total.label}</th>
              <td class="num">${this.format.money(total.value)}</td>
            </tr>`,
        )}
      </tfoot>
    </table>`;
  }

  private renderReview(review: Review, data: Loaded): TemplateResult {
    const t = this.t;
    const total = sum(
      review.allocations.map((each) => each.amount),
      review.due.currency,
    );
    const remains = money(review.due.amount - total.amount, review.due.currency);
    return html`${this.renderHeading(t.pay.reviewHeading)}
      <p>${t.pay.reviewIntro}</p>
      ${renderFacts([
        { label: t.invoiceKind[data.invoice.kind], value: review.invoiceNumber },
        { label: t.pay.amountDue, value: this.format.money(review.due) },
      ])}
      ${this.renderCharges(review.allocations, data.methods, [
        { label: t.pay.total, value: total },
        { label: t.pay.remainsDue, value: remains },
      ])}
      ${this.renderFailure()}
      <form part="form" novalidate aria-labelledby=${this.headingId} @submit=${this.onConfirm}>
        <div class="actions">
          <button
            type="submit"
            class="button primary"
            part="submit"
            aria-disabled=${this.flow.busy ? 'true' : 'false'}
          >
            ${
              this.flow.busy
                ? html`<span class="spinner" aria-hidden="true"></span> ${t.pay.paying}`
                : t.pay.confirm(this.format.money(total))
            }
          </button>
          <button
            type="button"
            class="button"
            aria-disabled=${this.flow.busy ? 'true' : 'false'}
            @click=${this.onBack}
          >
            ${t.common.back}
          </button>
        </div>
      </form>`;
  }

  private renderUnknown(attempt: PayInvoice): TemplateResult {
    const t = this.t;
    const methods = loadedValue(this.methodsQuery.state);
    const total = sum(
      attempt.allocations.map((each) => each.amount),
      attempt.allocations[0].amount.currency,
    );
    return html`${this.renderHeading(t.pay.unknownHeading)}
      <div class="alert warning" part="notice"><p>${t.pay.unknownBody}</p></div>
      ${this.renderFailure()}
      ${this.renderCharges(attempt.allocations, methods, [{ label: t.pay.total, value: total }])}
      <div class="actions">
        <button
          type="button"
          class="button primary"
          part="submit"
          aria-disabled=${this.flow.busy ? 'true' : 'false'}
          @click=${this.onCheckAgain}
        >
          ${this.flow.busy ? html`<span class="spinner" aria-hidden="true"></span> ${t.pay.checking}` : t.pay.checkAgain}
        </button>
      </div>`;
  }

  private renderReceipt(receipt: PaymentReceipt): TemplateResult {
    const t = this.t;
    const methods = loadedValue(this.methodsQuery.state);
    const tone =
      receipt.status === 'succeeded' ? 'success' : receipt.status === 'failed' ? 'error' : 'warning';
    const stillDue = receipt.amountDue.amount > 0;
    const invoice = loadedValue(this.invoiceQuery.state);
    const kind = invoice?.id === receipt.invoiceId ? invoice.kind : undefined;
    return html`${this.renderHeading(t.pay.receiptHeading[receipt.status])}
      <div class="alert ${tone}" part="notice"><p>${this.receiptText(receipt)}</p></div>
      <table part="summary">
        <thead>
          <tr>
            <th scope="col">${t.pay.chargeTo}</th>
            <th scope="col" class="num">${t.pay.charge}</th>
            <th scope="col">${t.pay.outcomeColumn}</th>
          </tr>
        </thead>
        <tbody>
          ${receipt.allocations.map(
            (allocation) =>
              html`<tr>
                <th scope="row">
                  ${this.labelOf(methods, allocation.paymentMethodId, allocation.methodLabel)}
                </th>
                <td class="num">${this.format.money(allocation.amount)}</td>
                <td>${t.pay.outcome[allocation.outcome]}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${renderFacts([
        { label: kind ? t.invoiceKind[kind] : t.pay.invoice, value: receipt.invoiceNumber },
        { label: t.pay.chargedTotal, value: this.format.money(receipt.amountPaid) },
        { label: t.pay.stillDue, value: this.format.money(receipt.amountDue) },
      ])}
      <div class="actions">
        ${
          receipt.status === 'partially_succeeded' && stillDue
            ? html`<button
                type="button"
                class="button primary"
                part="submit"
                @click=${() => this.onPayRest(receipt)}
              >
                ${t.pay.payRest(this.format.money(receipt.amountDue))}
              </button>`
            : nothing
        }
        ${
          receipt.status === 'failed' && stillDue
            ? html`<button
                type="button"
                class="button primary"
                part="submit"
                @click=${() => this.onTryAnother(receipt)}
              >
                ${t.pay.tryAnother}
              </button>`
            : nothing
        }
        <button
          type="button"
          class=${receipt.status === 'succeeded' ? 'button primary' : 'button'}
          @click=${this.onDone}
        >
          ${t.pay.done}
        </button>
      </div>`;
  }

  private renderNoPayment(invoice: Invoice, text: string): TemplateResult {
    return html`${this.renderHeading(this.t.pay.heading(invoice.number))} ${this.renderDueFacts(invoice)}
    ${renderEmpty(text)}`;
  }

  private renderPaymentsOff(data: Loaded): TemplateResult {
    const { merchantName, supportEmail } = data.settings.branding;
    return html`${this.renderHeading(this.t.pay.heading(data.invoice.number))}
      <div class="alert info" part="notice">
        <p>${this.t.pay.paymentsOff(merchantName)}</p>
        ${supportEmail ? html`<a href=${`mailto:${supportEmail}`}>${this.t.pay.contact(supportEmail)}</a>` : nothing}
      </div>`;
  }

  private renderFromData(): TemplateResult {
    const t = this.t;
    if (!this.invoiceId) return renderEmpty(t.pay.noInvoice);
    const states = [this.settingsQuery.state, this.invoiceQuery.state, this.methodsQuery.state];
    const data = this.loaded();
    if (!data) {
      const invoiceState = this.invoiceQuery.state;
      if (invoiceState.status === 'error' && invoiceState.error.code === 'not_found') {
        return html`${this.renderHeading(t.invoiceRef.notFoundHeading)}
          <div class="alert error" role="alert" part="error"><p>${t.invoiceRef.notFound}</p></div>`;
      }
      const failed = states.find((each) => each.status === 'error');
      if (failed?.status === 'error') {
        return renderError(t, failed.error, () => {
          this.settingsQuery.refresh();
          this.invoiceQuery.refresh();
          this.methodsQuery.refresh();
        });
      }
      return renderLoading(t, 8);
    }
    if (!data.settings.invoices.payInvoices) return this.renderPaymentsOff(data);
    if (this.flow.step === 'review' && this.reviewing) return this.renderReview(this.reviewing, data);
    if (data.invoice.amountDue.amount <= 0)
      return this.renderNoPayment(data.invoice, t.pay.nothingToPay(data.invoice.number));
    if (data.usable.length === 0) return this.renderNoPayment(data.invoice, t.pay.noMethods);
    return this.renderForm(data);
  }

  override render(): TemplateResult {
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(this.t);
    } else if (this.flow.step === 'done' && this.receipt) {
      body = this.renderReceipt(this.receipt);
    } else if (this.flow.step === 'unknown' && this.flow.request) {
      body = this.renderUnknown(this.flow.request);
    } else {
      body = this.renderFromData();
    }
    return html`<div class="pay" part="base">
      ${body}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }
}
