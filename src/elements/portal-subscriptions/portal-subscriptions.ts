import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import { FocusController } from '../../controllers/focus.js';
import { FormStateController } from '../../controllers/form-state.js';
import { IntentFlowController } from '../../controllers/intent-flow.js';
import { LiveRegionController } from '../../controllers/live-region.js';
import { runRequest } from '../../controllers/request.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { queries, when } from '../../core/queries.js';
import { QueryController, loadedValue, renderQuery } from '../../core/query.js';
import type { PortalStore } from '../../core/store.js';
import type { PaymentMethod, Plan, PortalSettings, Subscription } from '../../model/index.js';
import { formStyles } from '../../ui/form/styles.js';
import {
  errorMessage,
  renderError,
  renderLoading,
  renderMisconfigured,
  renderNotice,
} from '../../ui/states.js';
import { elementStyles, sectionStyles } from '../../ui/styles.js';
import { type Notice, type Operation, type Panel, type SubsHost, headingId } from './host.js';
import { type ListHost, actionId, renderList } from './list-view.js';
import { subscriptionsMessages } from './messages.js';
import { subscriptionsStyles } from './portal-subscriptions.styles.js';
import { PendingSubscribeController } from './pending.js';
import { cardFieldsSource } from '../../providers/card-source.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import type { ThemeTokens } from '../../core/theme.js';
import type { NewCard } from './new-card.js';

type Flows = typeof import('./flows.js');

let instances = 0;

/**
 * @summary The customer's subscriptions: what each costs and when it renews, and — exactly as the
 * backend allows for each — subscribing, changing plan or quantity at a quoted price, cancelling with a
 * reason (and undoing it), pausing until a date and resuming.
 *
 * Each subscription shows its plan, products and quantity, its price per period in its currency, its
 * status (free trial until, active, past due, paused until, cancelling on, cancelled), the next billing
 * date and amount, what it is charged to, a change scheduled for the period end (with Withdraw) and a
 * discount. The buttons are those of the subscription's `actions`: the backend says what is allowed.
 *
 * Subscribing and changing move money, each as one customer intent with one idempotency key: a lost
 * answer shows "we could not confirm" with Check again (same request, same key), never success or
 * failure. A change is priced by the backend first (a quote, shown in full with its expiry) and made
 * with that quote; an expired quote is priced again and shown again, never charged silently. The flows'
 * code is fetched the first time one opens.
 *
 * @fires portal-subscribed - A subscription was created; `detail.subscription`.
 * @fires portal-subscription-changed - Plan or quantity changed (now or scheduled); `detail.subscription`, `detail.quote`.
 * @fires portal-subscription-cancelled - Cancelled now or at the period end; `detail.subscription`, `detail.reason`, `detail.comment`.
 * @fires portal-subscription-cancel-undone - A scheduled cancellation was undone; `detail.subscription`.
 * @fires portal-subscription-change-withdrawn - A scheduled change was withdrawn; `detail.subscription`.
 * @fires portal-subscription-offer-accepted - The retention discount was taken; `detail.subscription`.
 * @fires portal-subscription-paused - Paused; `detail.subscription`, `detail.resumeOn`.
 * @fires portal-subscription-resumed - Resumed now; `detail.subscription`.
 * @fires portal-navigate - "Add a payment method" while subscribing without one: `{ section: 'paymentMethods' }`. Cancelable.
 * @fires portal-error - A request failed and the element says why; `detail.error`, `detail.operation`.
 *
 * @csspart base - The whole element.
 * @csspart subscription - Each subscription.
 * @csspart badge - The status badge.
 * @csspart actions - A subscription's buttons.
 * @csspart scheduled-change - The change scheduled for the period end.
 * @csspart panel - The open flow (subscribe, change, cancel, pause).
 * @csspart plan - A plan to choose from.
 * @csspart quote - A change's price, from the backend.
 * @csspart notice - What the last action did.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - No subscriptions.
 * @csspart error - A failure, with a retry.
 *
 * @cssproperty --portal-color-primary - Brand colour of the main buttons.
 * @cssproperty --portal-radius - Corner radius of the cards, fields and buttons.
 */
export class PortalSubscriptions
  extends PortalElement<typeof subscriptionsMessages>
  implements SubsHost, ListHost
{
  static override styles = [...elementStyles, formStyles, sectionStyles, subscriptionsStyles];
  static override messages = subscriptionsMessages;

  /** Card fields for "A new card" when `<portal-root>` gives none (see `cardFieldsSource`). */
  @property({ attribute: false }) cardFields?: CardFieldsProvider;

  /** @internal */ @state() panel: Panel = { kind: 'list' };
  /** @internal "A new card" while subscribing: fetched when first chosen. */
  @state() newCard: NewCard | null = null;
  /** @internal */ @state() notice: Notice | null = null;
  /** @internal */ @state() problem: string | null = null;
  /** @internal */ @state() fieldErrors: Record<string, string> = {};
  /** @internal The flows' code, once fetched. */
  @state() views: Flows | null = null;
  @state() private viewsFailed = false;
  /** The button that opened the panel: focus returns there when it closes. */
  private opener: string | null = null;
  /** A subscribe left pending by an earlier page (a reload) comes back as it was left, once. */
  private readonly pendingLookup = new PendingSubscribeController(this);

  /** @internal */ readonly uid = `portal-subscriptions-${++instances}`;
  /** @internal */ readonly form = new FormStateController<Operation>(this);
  /** @internal */ readonly focusing = new FocusController(this);
  private readonly liveRegion = new LiveRegionController(this);

  private readonly settingsQuery = new QueryController(this, queries.settings);
  private readonly subscriptionsQuery = new QueryController(this, queries.subscriptions);
  private readonly plansQuery = new QueryController(
    this,
    when(() => this.panel.kind === 'subscribe' || this.panel.kind === 'change', queries.plans),
  );
  private readonly methodsQuery = new QueryController(
    this,
    when(() => this.panel.kind === 'subscribe', queries.paymentMethods),
  );

  /** @internal Subscribing to one plan is one intent; a lost answer is checked with the same key. */
  readonly subscribeFlow = new IntentFlowController(this, {
    operation: 'subscribe',
    intent: () =>
      this.panel.kind === 'subscribe' && this.panel.planId ? `subscribe:${this.panel.planId}` : null,
    done: (subscription) => {
      this.finish({ tone: 'success', text: this.t.subscriptions.subscribed(subscription.planName) });
      emit(this, 'portal-subscribed', { subscription });
    },
    unknown: (again) => this.outcomeUnknown(again),
    refused: (error, _request, final) => this.views?.subscribeRefused(this, error, final),
  });

  /** @internal Making one quoted change is one intent (keyed by the quote). */
  readonly changeFlow = new IntentFlowController(this, {
    operation: 'changeSubscription',
    intent: () =>
      this.panel.kind === 'change' && this.panel.quote
        ? `subscription-change:${this.panel.quote.quoteId}`
        : null,
    done: (subscription) => this.views?.changed(this, subscription),
    unknown: (again) => this.outcomeUnknown(again),
    refused: (error, _request, final) => void this.views?.changeRefused(this, error, final),
  });

  /** @internal */
  get settings(): PortalSettings | undefined {
    return loadedValue(this.settingsQuery.state);
  }

  /** @internal */
  get subscriptions(): Subscription[] {
    return loadedValue(this.subscriptionsQuery.state) ?? [];
  }

  /** @internal */
  get plans(): Plan[] | undefined {
    return loadedValue(this.plansQuery.state);
  }

  /** @internal */
  get methods(): PaymentMethod[] | undefined {
    return loadedValue(this.methodsQuery.state);
  }

  /** @internal */
  get busy(): boolean {
    return (
      this.form.busy !== null || this.subscribeFlow.busy || this.changeFlow.busy || !!this.newCard?.saving
    );
  }

  /** @internal */
  get cardSource(): (() => Promise<CardFieldsProvider>) | null {
    return cardFieldsSource(this.portal?.cardFields, this.cardFields, this.settings);
  }

  /** @internal */
  get canAddCard(): boolean {
    return !!this.settings?.paymentMethods.addCards && this.cardSource !== null;
  }

  /** @internal */
  get cardTheme(): ThemeTokens | null {
    return this.portal?.theme ?? this.themeTokens;
  }

  /** @internal Fetches "A new card" (its code, then the provider's) the first time it is chosen. */
  loadNewCard(): void {
    if (this.newCard) return;
    import('./new-card.js').then(
      ({ NewCard }) => (this.newCard ??= new NewCard(this)),
      () => {
        // Its code could not be fetched: the choice is undone, and choosing it again tries again.
        this.problem = this.t.subscriptions.cardUnavailable;
        if (this.panel.kind === 'subscribe') this.panel = { ...this.panel, methodId: null };
      },
    );
  }

  // Panels

  /** @internal */
  showPending(panel: Panel): void {
    this.show(panel, `${this.uid}-open-subscribe`);
  }

  /** @internal Shows a flow instead of the list (fetching its code the first time); focus on its heading. */
  show(panel: Panel, opener: string): void {
    if (this.busy) return;
    this.notice = null;
    this.problem = null;
    this.fieldErrors = {};
    this.opener = opener;
    this.subscribeFlow.startOver();
    this.changeFlow.startOver();
    this.panel = panel;
    if (!this.views) void this.loadViews();
    this.focusing.focusWhenRendered(headingId(this));
  }

  private async loadViews(): Promise<void> {
    this.viewsFailed = false;
    try {
      this.views = await import('./flows.js');
    } catch {
      this.viewsFailed = true;
    }
  }

  /** @internal */
  setPanel(panel: Panel, focusHeading = false): void {
    this.panel = panel;
    if (focusHeading) this.focusing.focusWhenRendered(headingId(this));
  }

  /** @internal Back to the list; focus returns to the button that opened the flow. */
  closePanel(): void {
    if (this.busy) return;
    this.panel = { kind: 'list' };
    this.problem = null;
    this.fieldErrors = {};
    this.subscribeFlow.startOver();
    this.changeFlow.startOver();
    if (this.opener) this.focusing.focusAfterUpdate(this.opener);
  }

  /** @internal Back on the list with what happened, focus on the notice. */
  finish(notice: Notice): void {
    this.subscribeFlow.startOver();
    this.changeFlow.startOver();
    this.panel = { kind: 'list' };
    this.problem = null;
    this.fieldErrors = {};
    this.notice = notice;
    if (notice.tone === 'success') this.liveRegion.announce(notice.text);
    this.focusing.focusAfterUpdate(`${this.uid}-notice`);
  }

  /** @internal */
  announce(text: string): void {
    this.liveRegion.announce(text);
  }

  openSubscribe(): void {
    this.show(
      { kind: 'subscribe', step: 'plans', planId: '', quantity: '1', methodId: null },
      `${this.uid}-open-subscribe`,
    );
  }

  openChange(subscription: Subscription): void {
    this.show(
      {
        kind: 'change',
        subscriptionId: subscription.id,
        step: 'form',
        planId: subscription.planId,
        quantity: String(subscription.quantity),
        quote: null,
        refreshed: false,
      },
      actionId(this, 'change', subscription.id),
    );
  }

  openCancel(subscription: Subscription): void {
    const settings = this.settings?.subscriptions;
    this.show(
      {
        kind: 'cancel',
        subscriptionId: subscription.id,
        step: settings?.retentionOffer ? 'offer' : 'form',
        reason: '',
        comment: '',
        when: settings?.cancellation === 'immediately' ? 'immediately' : 'period_end',
      },
      actionId(this, 'cancel', subscription.id),
    );
  }

  openPause(subscription: Subscription): void {
    const opener = this.panel.kind === 'cancel' ? this.opener : actionId(this, 'pause', subscription.id);
    this.show({ kind: 'pause', subscriptionId: subscription.id, resumeOn: '' }, opener ?? '');
  }

  // Requests

  /**
   * @internal Runs one request (a second click or Enter while it runs sends nothing). Failures come back
   * as PortalError, reported as `portal-error`; after a lost answer the list is read again, so it shows
   * what is really the case.
   */
  request<T>(
    operation: Operation,
    progress: string,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> | null {
    if (this.subscribeFlow.busy || this.changeFlow.busy) return null;
    return runRequest(this, this.form, operation, action, () => {
      this.problem = null;
      this.liveRegion.announce(progress);
    });
  }

  /** @internal An action made from the list: its outcome becomes the list's notice. */
  private async listAction(
    operation: 'undoCancelSubscription' | 'withdrawSubscriptionChange' | 'resumeSubscription',
    subscription: Subscription,
    success: (updated: Subscription) => string,
  ): Promise<Subscription | null> {
    this.notice = null;
    const pending = this.request(operation, this.t.subscriptions.working, (store) =>
      store.mutate(operation, { subscriptionId: subscription.id }),
    );
    if (!pending) return null;
    const result = await pending;
    if (result instanceof PortalError) {
      this.finish(
        isOutcomeUnknown(result)
          ? { tone: 'warning', text: this.t.subscriptions.unknownOutcome }
          : { tone: 'error', text: errorMessage(this.t, result) },
      );
      return null;
    }
    this.finish({ tone: 'success', text: success(result) });
    return result;
  }

  async undoCancel(subscription: Subscription): Promise<void> {
    const m = this.t.subscriptions;
    const done = await this.listAction('undoCancelSubscription', subscription, (s) => m.undone(s.planName));
    if (done) emit(this, 'portal-subscription-cancel-undone', { subscription: done });
  }

  async withdrawChange(subscription: Subscription): Promise<void> {
    const m = this.t.subscriptions;
    const done = await this.listAction('withdrawSubscriptionChange', subscription, (s) =>
      m.withdrawn(s.planName),
    );
    if (done) emit(this, 'portal-subscription-change-withdrawn', { subscription: done });
  }

  async resume(subscription: Subscription): Promise<void> {
    const m = this.t.subscriptions;
    const done = await this.listAction('resumeSubscription', subscription, (s) => m.resumed(s.planName));
    if (done) emit(this, 'portal-subscription-resumed', { subscription: done });
  }

  private outcomeUnknown(again: boolean): void {
    const m = this.t.subscriptions;
    this.liveRegion.announce(again ? m.stillUnknown : m.unknownHeading);
    if (!again) this.focusing.focusWhenRendered(headingId(this));
  }

  /** @internal "Add a payment method": hands over to the payment methods section. */
  navigateToMethods(): void {
    emit(this, 'portal-navigate', { section: 'paymentMethods' }, { cancelable: true });
  }

  // Rendering

  private renderPanel(): TemplateResult {
    if (this.viewsFailed) {
      return renderError(this.t, new PortalError('network', 'flows'), () => void this.loadViews());
    }
    if (!this.views) return renderLoading(this.t, 4);
    return html`<div class="panel" part="panel">${this.views.renderPanel(this)}</div>`;
  }

  private renderBody(settings: PortalSettings): TemplateResult {
    return renderQuery(this.t, this.subscriptionsQuery, 6, (subscriptions) =>
      this.panel.kind === 'list' ? renderList(this, subscriptions, settings) : this.renderPanel(),
    );
  }

  override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.store) {
      this.reportMissingStore();
      body = renderMisconfigured(t);
    } else body = renderQuery(t, this.settingsQuery, 6, (settings) => this.renderBody(settings));
    return html`<section class="subscriptions" part="base" aria-labelledby=${`${this.uid}-heading`}>
      <h2 id=${`${this.uid}-heading`} tabindex="-1">${t.subscriptions.heading}</h2>
      ${this.previewNote} ${renderNotice(this.notice, `${this.uid}-notice`)} ${body}
      ${this.liveRegion.render()}
    </section>`;
  }
}
