import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { PortalError, isOutcomeUnknown } from '../../../contract/errors.js';
import { DialogController } from '../../../controllers/dialog.js';
import { FocusController } from '../../../controllers/focus.js';
import { FormStateController } from '../../../controllers/form-state.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import type { CustomerAccessState, ListedAccessRule } from '../../../model/index.js';
import { renderDialog } from '../../../ui/dialog.js';
import { formStyles } from '../../../ui/form/styles.js';
import { errorMessage, renderMisconfigured } from '../../../ui/states.js';
import { elementStyles } from '../../../ui/styles.js';
import { ConsoleSection } from '../../people-section.js';
import { peopleStyles } from '../../people-styles.js';
import { type RuleField, problemsOf, renderAddForm } from './add-rule-form.js';
import { consoleAccessMessages } from './messages.js';
import { renderRemoveDialog } from './remove-dialog.js';
import { renderRules } from './rule-list.js';

let instances = 0;

/** How long typing in the account search pauses before the accounts are read. */
const SEARCH_DELAY_MS = 300;
/** How many matching accounts the picker offers. */
const ACCOUNT_CHOICES = 20;

type Operation = 'adminAddAccessRule' | 'adminRemoveAccessRule';

/** The rules as the section shows them; while reading again, the last list stays in place. */
export type RulesState =
  | { status: 'loading'; previous?: ListedAccessRule[] }
  | { status: 'error'; error: PortalError }
  | { status: 'ready'; rules: ListedAccessRule[] };

/** The accounts the picker offers for what was searched. */
export type AccountsState =
  | { status: 'loading' }
  | { status: 'error'; error: PortalError }
  | { status: 'ready'; items: CustomerAccessState[] };

export interface RuleDraft {
  customerId: string;
  kind: 'domain' | 'email';
  value: string;
}

const EMPTY_DRAFT: RuleDraft = { customerId: '', kind: 'domain', value: '' };

/**
 * @summary The console's Access section: the passwordless sign-in rules of each billing account (a whole
 * email domain, or one address), with the account's code; grant a new one, withdraw one.
 *
 * The account is picked from a list searched by code, name or email. The domain or address is checked at
 * its field as typed; a rule overlapping an existing one is refused by the backend, and the field then
 * names the rule it overlaps. Withdrawing asks first. Outcomes are announced.
 *
 * @csspart base - The whole section.
 * @csspart rule - Each rule's row.
 * @csspart form - The form that grants access.
 * @csspart dialog - The removal confirmation.
 * @csspart loading - The skeleton.
 * @csspart empty - No rules yet.
 * @csspart error - A failure.
 */
export class PortalConsoleAccess extends ConsoleSection<typeof consoleAccessMessages> {
  static override styles = [...elementStyles, formStyles, peopleStyles];
  static override messages = consoleAccessMessages;

  /** @internal */ @state() rules: RulesState = { status: 'loading' };
  /** @internal */ @state() accounts: AccountsState = { status: 'loading' };
  /** @internal */ @state() accountSearch = '';
  /** @internal */ @state() draft: RuleDraft = EMPTY_DRAFT;
  /** @internal A failure of the add form that belongs to no field. */
  @state() problem: string | null = null;
  /** @internal */ @state() removing: ListedAccessRule | null = null;
  /** @internal */ @state() dialogProblem: string | null = null;

  /** @internal */ readonly uid = `portal-console-access-${++instances}`;
  /** @internal */ readonly form = new FormStateController<Operation>(this);
  /** @internal */ readonly focusing = new FocusController(this);
  /** @internal */ readonly liveRegion = new LiveRegionController(this);
  /** @internal */ readonly removeDialog = new DialogController(this, {
    id: `${this.uid}-remove`,
    canDismiss: () => !this.form.busy,
    onClose: (returnValue) => {
      this.removing = null;
      this.dialogProblem = null;
      // The removed rule's row and button are gone: focus goes to the section's heading instead.
      if (returnValue === 'removed') this.focusing.focusAfterUpdate(`${this.uid}-heading`);
    },
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private rulesTicket = 0;
  private accountsTicket = 0;

  protected override readFirst(): void {
    void this.loadRules();
    void this.loadAccounts();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** @internal Reads the rules (again); the newest answer wins. */
  async loadRules(): Promise<void> {
    const ticket = ++this.rulesTicket;
    const previous = this.rules.status === 'ready' ? this.rules.rules : undefined;
    this.rules = { status: 'loading', ...(previous ? { previous } : {}) };
    const result = await this.read((adapter) => adapter.adminListAccessRules());
    if (ticket !== this.rulesTicket) return;
    this.rules =
      result instanceof PortalError ? { status: 'error', error: result } : { status: 'ready', rules: result };
  }

  private async loadAccounts(): Promise<void> {
    const ticket = ++this.accountsTicket;
    const search = this.accountSearch.trim();
    this.accounts = { status: 'loading' };
    const result = await this.read((adapter) =>
      adapter.adminListCustomers({ ...(search ? { search } : {}), limit: ACCOUNT_CHOICES }),
    );
    if (ticket !== this.accountsTicket) return;
    this.accounts =
      result instanceof PortalError
        ? { status: 'error', error: result }
        : { status: 'ready', items: result.items };
  }

  /** @internal The account search changed: read the matching accounts once typing pauses. */
  searchAccounts(text: string): void {
    this.accountSearch = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.loadAccounts(), SEARCH_DELAY_MS);
  }

  /** @internal The account chosen, if the picker still offers it. */
  accountFor(customerId: string): CustomerAccessState | undefined {
    return this.accounts.status === 'ready'
      ? this.accounts.items.find((each) => each.customerId === customerId)
      : undefined;
  }

  /** @internal What the form would send. */
  draftRequest(): Record<string, string> {
    return { customerId: this.draft.customerId, kind: this.draft.kind, value: this.draft.value.trim() };
  }

  /** @internal A field changed: what the backend said about it no longer applies. */
  edit<K extends keyof RuleDraft>(field: K, value: RuleDraft[K]): void {
    this.draft = { ...this.draft, [field]: value };
    this.form.edited(field === 'kind' ? 'value' : field);
  }

  /** @internal */
  focusField(field: RuleField): void {
    this.focusing.focusAfterUpdate(`${this.uid}-${field}`);
  }

  /** @internal After a refused submit: focus the first field with a problem. */
  focusFirstProblem(): void {
    const first = [...problemsOf(this).keys()][0];
    if (first) this.focusField(first);
  }

  /** @internal A rule was granted: a fresh form for the next one (same account), and say so. */
  ruleAdded(text: string): void {
    this.draft = { ...EMPTY_DRAFT, customerId: this.draft.customerId, kind: this.draft.kind };
    this.form.reset();
    this.liveRegion.announce(text);
  }

  /** @internal */
  askRemove(rule: ListedAccessRule): void {
    if (this.form.busy) return;
    this.removing = rule;
    this.dialogProblem = null;
    this.removeDialog.show();
  }

  /** @internal */
  async confirmRemove(): Promise<void> {
    const rule = this.removing;
    if (!rule) return;
    const t = this.t.consoleAccess;
    if (this.form.busy) return;
    this.liveRegion.announce(t.removing);
    const pending = this.change(this.form, 'adminRemoveAccessRule', (adapter) =>
      adapter.adminRemoveAccessRule({ id: rule.id }),
    );
    if (!pending) return;
    const result = await pending;
    if (result instanceof PortalError && !isOutcomeUnknown(result)) {
      this.dialogProblem = errorMessage(this.t, result);
      return;
    }
    if (!(result instanceof PortalError) && this.rules.status === 'ready') {
      this.rules = { status: 'ready', rules: this.rules.rules.filter((each) => each.id !== rule.id) };
    }
    this.removeDialog.close('removed');
    void this.loadRules();
    this.liveRegion.announce(
      result instanceof PortalError ? t.unknownOutcome : t.removed(rule.value, rule.customerCode),
    );
  }

  override render(): TemplateResult {
    const t = this.t;
    const headingId = `${this.uid}-heading`;
    const body = this.consoleAdapter
      ? html`${renderRules(this)} ${renderAddForm(this)}`
      : (this.reportMissingAdapter(), renderMisconfigured(t));
    return html`<section class="people" part="base" aria-labelledby=${headingId}>
      <h2 id=${headingId} tabindex="-1">${t.consoleAccess.heading}</h2>
      <p class="hint">${t.consoleAccess.intro}</p>
      ${body}
      ${renderDialog(this.removeDialog, {
        id: `${this.uid}-remove`,
        labelledBy: `${this.uid}-remove-heading`,
        content: this.removing ? renderRemoveDialog(this, this.removing) : html``,
      })}
      ${this.liveRegion.render()}
    </section>`;
  }
}
