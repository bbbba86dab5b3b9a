import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalError, isOutcomeUnknown } from '../../../contract/errors.js';
import { DialogController } from '../../../controllers/dialog.js';
import { FocusController } from '../../../controllers/focus.js';
import { FormStateController } from '../../../controllers/form-state.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import type { CustomerAccessState, CustomerQuery } from '../../../model/index.js';
import { renderDialog } from '../../../ui/dialog.js';
import { formStyles } from '../../../ui/form/styles.js';
import { errorMessage, renderMisconfigured } from '../../../ui/states.js';
import { elementStyles } from '../../../ui/styles.js';
import { PagedListController } from '../../people-paging.js';
import { ConsoleSection } from '../../people-section.js';
import { peopleStyles } from '../../people-styles.js';
import { renderConfirmDialog } from './confirm-dialog.js';
import { renderCustomers, renderSearch } from './customer-table.js';
import { consoleCustomersMessages } from './messages.js';
import { renderPreview } from './preview-panel.js';
import type { ConfirmedAction, Confirming, Operation, Preview, RowProblem } from './view-host.js';

let instances = 0;

/** How long typing pauses before the search is sent. */
const SEARCH_DELAY_MS = 300;

type Filters = Pick<CustomerQuery, 'search'>;

/**
 * @summary The console's Customers section: find a customer by code, name or email, page through them,
 * see their portal state and last sign-in, and act on their access — send an activation email, lock,
 * reset the password and unlock — or preview the portal exactly as they see it.
 *
 * Locking, resetting-and-unlocking and sending an activation email ask first. What an action did is
 * announced; a failure shows beside the customer's actions (or in the open confirmation). An answer lost
 * on the way is never shown as done or as failed: the section says it cannot tell and reads the page again.
 *
 * The preview renders `<portal-root>` on `portal-api` with a short-lived read-only session for that
 * customer, which the portal marks as a preview; the customer elements' code is loaded only when a
 * preview opens.
 *
 * @csspart base - The whole section.
 * @csspart customer - Each customer's row.
 * @csspart badge - The portal state.
 * @csspart dialog - The confirmation.
 * @csspart preview - The portal shown as a customer.
 * @csspart loading - The skeleton.
 * @csspart empty - No customers, or none matching.
 * @csspart error - A failure.
 */
export class PortalConsoleCustomers extends ConsoleSection<typeof consoleCustomersMessages> {
  static override styles = [...elementStyles, formStyles, peopleStyles];
  static override messages = consoleCustomersMessages;

  /** Where the customer portal's API is, for the preview. */
  @property({ attribute: 'portal-api' }) portalApi = '/portal-api';

  /** @internal */ @state() searchText = '';
  /** @internal */ @state() confirming: Confirming | null = null;
  /** @internal */ @state() dialogProblem: string | null = null;
  /** @internal */ @state() rowProblem: RowProblem | null = null;
  /** @internal */ @state() preview: Preview | null = null;

  /** @internal */ readonly uid = `portal-console-customers-${++instances}`;
  /** @internal */ readonly form = new FormStateController<Operation>(this);
  /** @internal */ readonly focusing = new FocusController(this);
  /** @internal */ readonly liveRegion = new LiveRegionController(this);
  /** @internal */ readonly list = new PagedListController<CustomerAccessState, Filters>(
    this,
    (query) => this.read((adapter) => adapter.adminListCustomers(query)),
    {},
  );
  /** @internal */ readonly confirmDialog = new DialogController(this, {
    id: `${this.uid}-confirm`,
    canDismiss: () => !this.form.busy,
    onClose: () => {
      this.confirming = null;
      this.dialogProblem = null;
    },
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected override readFirst(): void {
    void this.list.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  // Search and pages

  /** @internal The search box changed: search once typing pauses. */
  typed(text: string): void {
    this.searchText = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(), SEARCH_DELAY_MS);
  }

  /** @internal Enter in the search box: search now. */
  searchNow(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.search();
  }

  private search(): void {
    const search = this.searchText.trim();
    if ((this.list.filters.search ?? '') === search && this.list.state.status !== 'error') return;
    this.rowProblem = null;
    void this.list.load(search ? { search } : {});
  }

  /** @internal */
  page(direction: 'next' | 'previous'): void {
    this.rowProblem = null;
    void (direction === 'next' ? this.list.next() : this.list.previous());
  }

  // Actions

  /** @internal Opens the confirmation of an action on one customer. */
  ask(action: ConfirmedAction, customer: CustomerAccessState): void {
    if (this.form.busy) return;
    this.rowProblem = null;
    this.dialogProblem = null;
    this.confirming = { action, customer };
    this.confirmDialog.show();
  }

  /** @internal The confirmation's confirm button: run the action, say what it did. */
  async confirm(): Promise<void> {
    const confirming = this.confirming;
    if (!confirming) return;
    const { action, customer } = confirming;
    const t = this.t.consoleCustomers;
    const input = { customerId: customer.customerId };
    const operation: Operation =
      action === 'lock'
        ? 'adminLockCustomer'
        : action === 'resetUnlock'
          ? 'adminUnlockCustomer'
          : 'adminSendActivation';
    if (this.form.busy) return;
    this.liveRegion.announce(t.working);
    const pending = this.change(this.form, operation, async (adapter) => {
      if (action === 'lock') return adapter.adminLockCustomer(input);
      if (action === 'resetUnlock') return adapter.adminUnlockCustomer(input);
      await adapter.adminSendActivation(input);
      return null;
    });
    if (!pending) return;
    const result = await pending;
    if (result instanceof PortalError && !isOutcomeUnknown(result)) {
      this.dialogProblem = errorMessage(this.t, result);
      return;
    }
    this.confirmDialog.close('done');
    if (result instanceof PortalError) {
      this.liveRegion.announce(t.unknownOutcome);
      this.rowProblem = { customerId: customer.customerId, text: t.unknownOutcome };
      void this.list.reload();
      return;
    }
    if (result) this.list.replace((each) => each.customerId === customer.customerId, result);
    else void this.list.reload();
    const done =
      action === 'lock'
        ? t.locked(customer.name)
        : action === 'resetUnlock'
          ? t.unlocked(customer.name)
          : t.activationSent(customer.name);
    this.liveRegion.announce(done);
  }

  /** @internal Preview: ask for a read-only session as this customer, then show the portal with it. */
  async openPreview(customer: CustomerAccessState): Promise<void> {
    this.rowProblem = null;
    const pending = this.form.submit('adminPreviewCustomer', () => {
      this.liveRegion.announce(this.t.consoleCustomers.previewOpening(customer.name));
      return Promise.all([
        this.read((adapter) => adapter.adminPreviewCustomer({ customerId: customer.customerId })),
        import('../../../define.js').then(
          () => null,
          (error: unknown) => new PortalError('network', 'the portal could not be loaded', { cause: error }),
        ),
      ]);
    });
    if (!pending) return;
    const [grant, loaded] = await pending;
    const failure = grant instanceof PortalError ? grant : loaded;
    if (failure) {
      this.rowProblem = { customerId: customer.customerId, text: errorMessage(this.t, failure) };
      return;
    }
    if (grant instanceof PortalError) return;
    this.preview = { customer, grant };
    this.focusing.focusAfterUpdate(`${this.uid}-preview-heading`);
  }

  /** @internal Back to the list; focus returns to the customer's preview button. */
  closePreview(): void {
    const preview = this.preview;
    if (!preview) return;
    this.preview = null;
    this.liveRegion.announce(this.t.consoleCustomers.previewClosed);
    this.focusing.focusAfterUpdate(`${this.uid}-preview-${preview.customer.customerId}`);
  }

  // Rendering

  override render(): TemplateResult {
    const t = this.t;
    const headingId = `${this.uid}-heading`;
    let body: TemplateResult | typeof nothing;
    if (!this.consoleAdapter) {
      this.reportMissingAdapter();
      body = renderMisconfigured(t);
    } else if (this.preview) body = renderPreview(this, this.preview);
    else body = html`${renderSearch(this)} ${renderCustomers(this)}`;
    return html`<section class="people" part="base" aria-labelledby=${headingId}>
      <h2 id=${headingId} tabindex="-1">${t.consoleCustomers.heading}</h2>
      ${body}
      ${renderDialog(this.confirmDialog, {
        id: `${this.uid}-confirm`,
        labelledBy: `${this.uid}-confirm-heading`,
        content: this.confirming ? renderConfirmDialog(this, this.confirming) : html``,
      })}
      ${this.liveRegion.render()}
    </section>`;
  }
}
