import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toPortalError } from '../../contract/errors.js';
import { FocusController } from '../../controllers/focus.js';
import { type PortalEvent, type TaskCompletion, emit } from '../../core/events.js';
import { type PortalContextValue, portalContext } from '../../core/context.js';
import { isAvailable, loadElement } from '../../core/lazy-elements.js';
import { PortalElement } from '../../core/portal-element.js';
import { queries, when } from '../../core/queries.js';
import { QueryController, loadedValue } from '../../core/query.js';
import type { PaymentMethod } from '../../model/index.js';
import { cardFieldsSource } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import { type TaskName, isTaskName } from '../../rules/task-links.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import { errorMessage, renderError, renderLoading, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { FlowOpener } from './flow.js';
import { taskMessages } from './messages.js';
import { taskStyles } from './portal-task.styles.js';
import { type Subject, checkTask } from './subject.js';
import { type Removal, type ViewHost, renderClosed, renderConfirmation, renderRefusal } from './views.js';

let instances = 0;

/** The tags whose flows the tasks open, by task. */
const TAGS: Record<TaskName, string> = {
  'pay-invoice': 'portal-pay-invoice',
  'add-payment-method': 'portal-payment-methods',
  'replace-payment-method': 'portal-payment-methods',
  'change-subscription': 'portal-subscriptions',
  'cancel-subscription': 'portal-subscriptions',
  'update-billing-details': 'portal-profile',
};

/** The elements whose `busy` (or form's busy operation) says a request is on its way. */
interface MaybeBusy {
  busy?: boolean;
  form?: { busy: unknown };
}

/**
 * @summary One task on its own — pay an invoice, add or replace a card, change or cancel a
 * subscription, update billing details — with no navigation around it, and an event when it is done.
 *
 * The task's own element does the work (`<portal-pay-invoice>`, the card form of
 * `<portal-payment-methods>`, the change or cancel flow of `<portal-subscriptions>`, `<portal-profile>`),
 * opened straight on the flow. Before it opens, the task is checked against the merchant's settings and
 * the backend's data: turned off, an invoice with nothing to pay, an id not on the account — each says so
 * in the task's place, and no event is fired (the page decides what to do). Once done the element shows
 * a confirmation with Done (or "Back to the store", a link to `return-url`). `<portal-root task="…">`
 * shows it in place of the portal's sections, behind the sign-in form when signed out.
 *
 * Replacing a card adds the new card, preselected as the default; the old card stays on file, and the
 * confirmation offers to remove it (where the merchant lets customers remove cards).
 *
 * @fires portal-task-complete - The task was done; `detail` is `{ task, result }` (see `TaskCompletion`).
 * @fires portal-task-cancel - The customer closed the task without finishing it; `detail.task`.
 * @fires portal-task-done - Done / "Back to the store" was pressed; cancelable (the link is not followed).
 * @fires portal-payment-method-removed - Replacing a card: the old card was removed from the confirmation.
 * @fires portal-error - Removing the old card failed; `detail.operation` is `removePaymentMethod`.
 *
 * @csspart base - The whole element.
 * @csspart heading - The task's title, its confirmation's or its refusal's.
 * @csspart intro - What replacing a card does.
 * @csspart cancel - The Cancel button.
 * @csspart notice - What the task did, or that it was closed.
 * @csspart refusal - Why the task cannot be done.
 * @csspart done - Done, or the "Back to the store" link.
 * @csspart remove-old - Replacing a card: the button removing the old one.
 * @csspart start-again - Opens the task again after it was closed.
 * @csspart loading - The skeleton shown while the task is checked.
 * @csspart error - A failure to load, with a retry.
 */
export class PortalTask extends PortalElement<typeof taskMessages> implements ViewHost {
  static override styles = [...elementStyles, taskStyles];
  static override messages = taskMessages;

  /** The task: `pay-invoice`, `add-payment-method`, `replace-payment-method`, `change-subscription`, `cancel-subscription` or `update-billing-details`. */
  @property() task = '';
  /** `pay-invoice`: the invoice to pay. */
  @property({ attribute: 'invoice-id' }) invoiceId = '';
  /** `replace-payment-method`: the card to replace. */
  @property({ attribute: 'payment-method-id' }) paymentMethodId = '';
  /** `change-subscription`, `cancel-subscription`: the subscription. */
  @property({ attribute: 'subscription-id' }) subscriptionId = '';
  /** Where "Back to the store" leads once the task is done; without it the confirmation shows Done. */
  @property({ attribute: 'return-url' }) returnUrl?: string;
  /** Card fields for the card tasks when no `<portal-root>` gives them (see `cardFieldsSource`). */
  @property({ attribute: false }) cardFields?: CardFieldsProvider;

  @state() private phase: 'working' | 'complete' | 'closed' = 'working';
  /** What the open flow is about, checked once when it opened (the flow then shows what becomes of it). */
  private subject: Subject | null = null;
  @state() private completion: TaskCompletion | null = null;
  /** @internal */ @state() removal: Removal = { step: 'idle' };

  /** @internal */ readonly headingId = `portal-task-${++instances}-heading`;
  private readonly focusing = new FocusController(this);
  /** The task's flow element sits in this shadow root: alone (with `adapter` or `api`), the task gives it the store. */
  private readonly provider = new ContextProvider(this, { context: portalContext });
  private opener: FlowOpener | null = null;
  private flowElement: Element | null = null;
  private reportedBadTask = false;

  private readonly settingsQuery = new QueryController(this, queries.settings);
  private readonly invoiceQuery = new QueryController(
    this,
    queries.invoice(() => (this.task === 'pay-invoice' ? this.invoiceId : null)),
  );
  private readonly methodsQuery = new QueryController(
    this,
    when(() => this.task === 'replace-payment-method', queries.paymentMethods),
  );
  private readonly subscriptionsQuery = new QueryController(
    this,
    when(
      () => this.task === 'change-subscription' || this.task === 'cancel-subscription',
      queries.subscriptions,
    ),
  );

  /** The id the task is about (empty for the tasks that take none). */
  private get subjectId(): string {
    if (this.task === 'pay-invoice') return this.invoiceId;
    if (this.task === 'replace-payment-method') return this.paymentMethodId;
    return this.subscriptionId;
  }

  private get taskTitle(): string {
    return isTaskName(this.task) ? this.t.task.titles[this.task] : '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.provide();
    const asked = ['task', 'invoiceId', 'paymentMethodId', 'subscriptionId'] as const;
    if (asked.some((name) => changed.has(name) && changed.get(name) !== undefined)) this.restart();
  }

  /** Moves focus to the task's heading (once it has rendered): `<portal-root>` does after sign-in. */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>(`#${this.headingId}`);
    if (heading) heading.focus(options);
    else this.focusing.focusWhenRendered(this.headingId);
  }

  /** Inside `<portal-root>` its own context goes on; alone, one made from this element's store. */
  private provide(): void {
    const store = this.store;
    if (!store) return;
    const current = this.provider.value;
    const value: PortalContextValue = this.portal ?? {
      store,
      locale: this.resolvedLocale,
      theme: this.themeTokens,
    };
    if (
      !current ||
      current.store !== value.store ||
      current.locale !== value.locale ||
      current.theme !== value.theme ||
      current.cardFields !== value.cardFields
    ) {
      this.provider.setValue(value);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const element of this.renderRoot.querySelectorAll(':not(:defined)')) {
      if (isAvailable(element.localName)) {
        loadElement(element.localName)
          .then(() => this.requestUpdate())
          .catch((error: unknown) =>
            console.error(`<portal-task>: <${element.localName}> could not be loaded:`, error),
          );
      }
    }
    const flow = this.renderRoot.querySelector('.flow > :first-child');
    if (flow !== this.flowElement && (!flow || customElements.get(flow.localName))) {
      this.opener?.detach();
      this.flowElement = flow;
      this.opener =
        flow && isTaskName(this.task) && this.subject
          ? FlowOpener.attach(this, this.task, flow, this.subject)
          : null;
      // The element may have loaded everything already: look once now rather than at its next update.
      this.opener?.hostUpdated();
    }
  }

  // What the flow tells the task

  private complete(completion: TaskCompletion): void {
    if (this.phase !== 'working' || completion.task !== this.task) return;
    this.opener?.detach();
    this.opener = null;
    this.phase = 'complete';
    this.completion = completion;
    this.focusing.focusWhenRendered(this.headingId);
    emit(this, 'portal-task-complete', completion);
  }

  /** @internal The customer closed the flow: unless the element said something (an unknown outcome), that is Cancel. */
  flowClosed(saidSomething: boolean): void {
    this.opener = null;
    if (!saidSomething) this.onCancel();
  }

  private get flowBusy(): boolean {
    const flow = this.flowElement as MaybeBusy | null;
    return flow?.busy === true || (flow?.form?.busy ?? null) !== null;
  }

  private onCancel(): void {
    if (this.phase !== 'working' || this.flowBusy || !isTaskName(this.task)) return;
    this.opener?.detach();
    this.opener = null;
    this.phase = 'closed';
    this.focusing.focusWhenRendered(this.headingId);
    emit(this, 'portal-task-cancel', { task: this.task });
  }

  private restart(): void {
    this.opener?.detach();
    this.opener = null;
    this.flowElement = null;
    this.phase = 'working';
    this.subject = null;
    this.completion = null;
    this.removal = { step: 'idle' };
  }

  /** @internal */
  readonly onStartAgain = (): void => {
    this.restart();
    this.focusing.focusWhenRendered(this.headingId);
  };

  /** @internal */
  readonly onDone = (event: Event): void => {
    if (!this.completion) return;
    if (!emit(this, 'portal-task-done', this.completion, { cancelable: true })) event.preventDefault();
  };

  /** @internal Replacing a card: removes the old one, once asked. */
  readonly onRemoveOld = (): void => void this.removeOld();

  private async removeOld(): Promise<void> {
    const store = this.store;
    const completion = this.completion;
    if (!store || completion?.task !== 'replace-payment-method' || this.removal.step === 'busy') return;
    const old: PaymentMethod = completion.result.replaced;
    this.removal = { step: 'busy' };
    try {
      await store.mutate('removePaymentMethod', { id: old.id });
      this.removal = { step: 'done' };
      emit(this, 'portal-payment-method-removed', { paymentMethodId: old.id });
    } catch (error) {
      const failure = toPortalError(error);
      this.removal = { step: 'failed', message: errorMessage(this.t, failure) };
      emit(this, 'portal-error', { error: failure, operation: 'removePaymentMethod' });
    }
  }

  // Completion events from the flow's element

  private readonly onFlowEvent = (event: Event): void => {
    const replaced = this.subject?.kind === 'method' ? this.subject.method : null;
    switch (event.type) {
      case 'portal-payment': {
        const { receipt } = (event as PortalEvent<'portal-payment'>).detail;
        if (receipt.status === 'succeeded') this.complete({ task: 'pay-invoice', result: { receipt } });
        return;
      }
      case 'portal-payment-method-added': {
        const { paymentMethod } = (event as PortalEvent<'portal-payment-method-added'>).detail;
        if (replaced) this.complete({ task: 'replace-payment-method', result: { paymentMethod, replaced } });
        else this.complete({ task: 'add-payment-method', result: { paymentMethod } });
        return;
      }
      case 'portal-subscription-changed':
        this.complete({
          task: 'change-subscription',
          result: (event as PortalEvent<'portal-subscription-changed'>).detail,
        });
        return;
      case 'portal-subscription-cancelled':
      case 'portal-subscription-offer-accepted':
      case 'portal-subscription-paused': {
        const { subscription } = (event as PortalEvent<'portal-subscription-cancelled'>).detail;
        const outcome =
          event.type === 'portal-subscription-cancelled'
            ? 'cancelled'
            : event.type === 'portal-subscription-paused'
              ? 'paused'
              : 'offer-accepted';
        this.complete({ task: 'cancel-subscription', result: { subscription, outcome } });
        return;
      }
      case 'portal-profile-changed':
      case 'portal-tax-details-updated': {
        const { customer } = (event as PortalEvent<'portal-profile-changed'>).detail;
        this.complete({ task: 'update-billing-details', result: { customer } });
        return;
      }
      case 'portal-navigate':
        // The task shows nothing else: a way elsewhere (Done on a part-paid receipt) stays inside it.
        event.preventDefault();
        event.stopPropagation();
        return;
    }
  };

  // Rendering

  private renderFlow(task: TaskName, subject: Subject): TemplateResult {
    const t = this.t.task;
    let flow: TemplateResult;
    switch (TAGS[task]) {
      case 'portal-pay-invoice':
        flow = html`<portal-pay-invoice
          invoice-id=${this.invoiceId}
          .cardFields=${this.cardFields}
        ></portal-pay-invoice>`;
        break;
      case 'portal-payment-methods':
        flow = html`<portal-payment-methods
          form-only
          .cardFields=${this.cardFields}
        ></portal-payment-methods>`;
        break;
      case 'portal-subscriptions':
        flow = html`<portal-subscriptions></portal-subscriptions>`;
        break;
      default:
        flow = html`<portal-profile></portal-profile>`;
    }
    const on = this.onFlowEvent;
    return html`<h2 id=${this.headingId} tabindex="-1" part="heading">${this.taskTitle}</h2>
      ${
        subject.kind === 'method'
          ? html`<p part="intro">${t.replacing(paymentMethodLabel(this.t, subject.method))}</p>`
          : nothing
      }
      <div
        class="flow"
        @portal-payment=${on}
        @portal-payment-method-added=${on}
        @portal-subscription-changed=${on}
        @portal-subscription-cancelled=${on}
        @portal-subscription-offer-accepted=${on}
        @portal-subscription-paused=${on}
        @portal-profile-changed=${on}
        @portal-tax-details-updated=${on}
        @portal-navigate=${on}
      >
        ${flow}
      </div>
      <div class="actions">
        <button
          type="button"
          class="button"
          part="cancel"
          aria-disabled=${this.flowBusy ? 'true' : 'false'}
          @click=${() => this.onCancel()}
        >
          ${this.t.common.cancel}
        </button>
      </div>`;
  }

  /** Before the flow opens: load what the task is about, and check it can be done. */
  private renderCheck(task: TaskName): TemplateResult {
    const t = this.t;
    const settings = loadedValue(this.settingsQuery.state);
    const invoiceState = this.invoiceQuery.state;
    if (invoiceState.status === 'error' && invoiceState.error.code === 'not_found') {
      return renderRefusal(this, this.taskTitle, t.task.refused.invoiceNotFound);
    }
    const states = [this.settingsQuery, this.invoiceQuery, this.methodsQuery, this.subscriptionsQuery];
    const failed = states.map((query) => query.state).find((each) => each.status === 'error');
    if (failed?.status === 'error')
      return renderError(t, failed.error, () => states.forEach((query) => query.refresh()));
    const waiting = states.some((query) => query.state.status === 'pending');
    if (!settings || waiting) return renderLoading(t, 6);
    const check = checkTask(t, task, this.subjectId, {
      settings,
      invoice: loadedValue(invoiceState),
      methods: loadedValue(this.methodsQuery.state),
      subscriptions: loadedValue(this.subscriptionsQuery.state),
      canAddCards: cardFieldsSource(this.portal?.cardFields, this.cardFields, settings) !== null,
    });
    if (!check.ok) return renderRefusal(this, this.taskTitle, check.reason);
    // From here the flow shows what becomes of the subject: it is not checked again until Start again.
    this.subject = check.subject;
    return this.renderFlow(task, check.subject);
  }

  private renderBody(): TemplateResult {
    const task = this.task;
    if (!isTaskName(task)) {
      if (!this.reportedBadTask) {
        this.reportedBadTask = true;
        console.error(`<portal-task>: task "${task.slice(0, 40)}" is not one of the tasks (see the README).`);
      }
      return renderRefusal(this, this.t.task.unknownTitle, this.t.task.refused.unknownTask);
    }
    if (this.phase === 'complete' && this.completion) {
      const canRemove = loadedValue(this.settingsQuery.state)?.paymentMethods.removeCards === true;
      return renderConfirmation(this, this.completion, canRemove);
    }
    if (this.phase === 'closed') return renderClosed(this, this.taskTitle);
    if (this.subject) return this.renderFlow(task, this.subject);
    return this.renderCheck(task);
  }

  override render(): TemplateResult {
    if (!this.store) {
      this.reportMissingStore();
      return html`<div part="base">${renderMisconfigured(this.t)}</div>`;
    }
    return html`<section class="task" part="base" aria-labelledby=${this.headingId}>
      ${this.renderBody()}
    </section>`;
  }
}
