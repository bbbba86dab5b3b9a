import { html, nothing, type TemplateResult } from 'lit';
import { userText } from '../../ui/user-text.js';
import type { PortalSettings, Subscription } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { actionDescribedBy, actionDisabled, renderEmpty } from '../../ui/states.js';
import type { SubscriptionsT } from './messages.js';
import type { Formatter } from '../../core/i18n/index.js';
import { chargedToLabel, pricePer, statusBadge, statusLine } from './wording.js';

/**
 * The list: each subscription with its plan, products, price per period, status, next billing, what it
 * is charged to, a scheduled change and a discount, and exactly the actions its `actions` allow.
 */

/** What the list's buttons call on the element. */
export interface ListHost {
  readonly t: SubscriptionsT;
  readonly format: Formatter;
  readonly uid: string;
  readonly busy: boolean;
  /** A merchant's read-only preview: actions that change something at once are unavailable. */
  readonly readOnly: boolean;
  openSubscribe(): void;
  openChange(subscription: Subscription): void;
  openCancel(subscription: Subscription): void;
  openPause(subscription: Subscription): void;
  resume(subscription: Subscription): Promise<void>;
  undoCancel(subscription: Subscription): Promise<void>;
  withdrawChange(subscription: Subscription): Promise<void>;
}

/** The id of a subscription's action button (focus returns there when its flow closes). */
export function actionId(host: { uid: string }, action: string, subscriptionId: string): string {
  return `${host.uid}-${action}-${subscriptionId}`;
}

function actionButton(
  host: ListHost,
  action: string,
  subscription: Subscription,
  text: string,
  label: string,
  onClick: () => void,
  primary = false,
  /** Acts at once (resume, undo, withdraw) rather than opening a flow: unavailable in a preview. */
  changes = false,
): TemplateResult {
  const readOnly = changes && host.readOnly;
  return html`<button
    type="button"
    class=${primary ? 'button primary' : 'button'}
    id=${actionId(host, action, subscription.id)}
    aria-label=${label}
    aria-disabled=${actionDisabled(readOnly, host.busy)}
    aria-describedby=${actionDescribedBy(readOnly)}
    @click=${onClick}
  >
    ${text}
  </button>`;
}

function renderActions(host: ListHost, subscription: Subscription): TemplateResult | typeof nothing {
  const m = host.t.subscriptions;
  const a = subscription.actions;
  const plan = subscription.planName;
  const buttons = [
    a.undoCancel &&
      actionButton(
        host,
        'undo',
        subscription,
        m.undoCancel,
        m.undoCancelOf(plan),
        () => void host.undoCancel(subscription),
        true,
        true,
      ),
    a.resume &&
      actionButton(
        host,
        'resume',
        subscription,
        m.resume,
        m.resumeOf(plan),
        () => void host.resume(subscription),
        true,
        true,
      ),
    a.change &&
      actionButton(host, 'change', subscription, m.change, m.changeOf(plan), () =>
        host.openChange(subscription),
      ),
    a.pause &&
      actionButton(host, 'pause', subscription, m.pause, m.pauseOf(plan), () => host.openPause(subscription)),
    a.cancel &&
      actionButton(host, 'cancel', subscription, m.cancel, m.cancelOf(plan), () =>
        host.openCancel(subscription),
      ),
  ].filter((each): each is TemplateResult => !!each);
  return buttons.length ? html`<div class="actions" part="actions">${buttons}</div>` : nothing;
}

function renderScheduledChange(host: ListHost, subscription: Subscription): TemplateResult | typeof nothing {
  const change = subscription.scheduledChange;
  if (!change) return nothing;
  const m = host.t.subscriptions;
  const { format } = host;
  return html`<div class="alert info scheduled" part="scheduled-change">
    <p>
      ${m.scheduledChange(change.planName, change.quantity, format.money(change.price), format.date(change.effectiveDate))}
    </p>
    ${
      subscription.actions.withdrawChange
        ? actionButton(
            host,
            'withdraw',
            subscription,
            m.withdraw,
            m.withdrawOf(subscription.planName),
            () => void host.withdrawChange(subscription),
            false,
            true,
          )
        : nothing
    }
  </div>`;
}

function renderSubscription(host: ListHost, subscription: Subscription): TemplateResult {
  const { t, format } = host;
  const m = t.subscriptions;
  const badge = statusBadge(t, subscription);
  const line = statusLine(t, format, subscription);
  const headingId = `${host.uid}-sub-${subscription.id}`;
  const price = pricePer(t, format, subscription.price, subscription.interval, subscription.intervalCount);
  return html`<li class="subscription" part="subscription" aria-labelledby=${headingId}>
    <div class="top">
      <h3 id=${headingId}>${userText(subscription.planName)}</h3>
      <span class="badge ${badge.tone}" part="badge">${badge.text}</span>
    </div>
    ${line ? html`<p class="status-line">${line}</p>` : nothing}
    ${renderFacts([
      { label: m.price, value: price },
      { label: m.quantity, value: format.number(subscription.quantity) },
      subscription.products.length > 0 && {
        label: m.products,
        value: format.list(subscription.products.map((each) => m.times(each.name, each.quantity))),
      },
      subscription.nextBillingDate &&
        subscription.nextBillingAmount && {
          label: m.nextBilling,
          value: m.nextBillingValue(
            format.money(subscription.nextBillingAmount),
            format.date(subscription.nextBillingDate),
          ),
        },
      subscription.status !== 'canceled' && {
        label: m.chargedTo,
        value: chargedToLabel(t, subscription.chargedTo),
      },
      subscription.discount && {
        label: m.discount,
        value: m.discountValue(subscription.discount.percentOff, subscription.discount.periodsRemaining),
      },
      { label: m.started, value: format.date(subscription.startDate) },
      subscription.terms && { label: m.terms, value: subscription.terms },
    ])}
    ${renderScheduledChange(host, subscription)} ${renderActions(host, subscription)}
  </li>`;
}

/** The subscriptions, newest state first as the backend orders them, and "Subscribe to a plan". */
export function renderList(
  host: ListHost,
  subscriptions: readonly Subscription[],
  settings: PortalSettings,
): TemplateResult {
  const m = host.t.subscriptions;
  const canSubscribe =
    settings.subscriptions.enabled && settings.subscriptions.plans.some((each) => each.allowSubscribing);
  return html`${
    subscriptions.length === 0
      ? renderEmpty(m.empty)
      : html`<ul class="list">
          ${subscriptions.map((each) => renderSubscription(host, each))}
        </ul>`
  }
  ${
    canSubscribe
      ? html`<div class="actions">
          <button
            type="button"
            class="button primary"
            id=${`${host.uid}-open-subscribe`}
            aria-disabled=${host.busy ? 'true' : 'false'}
            @click=${() => host.openSubscribe()}
          >
            ${m.subscribe}
          </button>
        </div>`
      : nothing
  }`;
}
