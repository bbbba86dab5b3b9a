import { html, nothing, type TemplateResult } from 'lit';
import type { TaskCompletion } from '../../core/events.js';
import type { Formatter } from '../../core/i18n/index.js';
import type { PaymentMethod } from '../../model/index.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import { sentence } from '../../ui/user-text.js';
import type { TaskT } from './messages.js';

/**
 * What `<portal-task>` shows around or instead of the task's flow: the confirmation once it is done,
 * what it says when the customer closed it, and the way back to the merchant's page.
 */

/** Where removing the replaced card is: not asked, on its way, done, or refused (and why). */
export type Removal = { step: 'idle' | 'busy' | 'done' } | { step: 'failed'; message: string };

export interface ViewHost {
  readonly t: TaskT;
  readonly format: Formatter;
  readonly headingId: string;
  readonly returnUrl?: string;
  /** Replacing a card: the old card's removal, once asked for. */
  readonly removal: Removal;
  onDone(event: Event): void;
  onRemoveOld(): void;
  onStartAgain(): void;
}

/** What the completed task did, in one or two sentences. */
function summary(host: ViewHost, done: TaskCompletion): string | TemplateResult {
  const { t, format } = host;
  const m = t.task;
  const label = (method: PaymentMethod) => paymentMethodLabel(t, method);
  switch (done.task) {
    case 'pay-invoice': {
      const { receipt } = done.result;
      const paid = m.paid(format.money(receipt.amountPaid), receipt.invoiceNumber);
      return receipt.amountDue.amount > 0 ? `${paid} ${m.stillDue(format.money(receipt.amountDue))}` : paid;
    }
    case 'add-payment-method':
      return m.added(label(done.result.paymentMethod));
    case 'replace-payment-method': {
      const method = done.result.paymentMethod;
      return method.isDefault ? t.paymentMethod.nowDefault(label(method)) : m.added(label(method));
    }
    case 'change-subscription': {
      const { quote } = done.result;
      return sentence((plan) => m.changed(plan, format.date(quote.effectiveDate)), quote.planName);
    }
    case 'cancel-subscription': {
      const { subscription, outcome } = done.result;
      const plan = subscription.planName;
      if (outcome === 'offer-accepted') return sentence(m.offerAccepted, plan);
      if (outcome === 'paused' && subscription.pausedUntil) {
        return sentence((name) => m.paused(name, format.date(subscription.pausedUntil!)), plan);
      }
      return subscription.cancelAtPeriodEnd
        ? sentence((name) => m.cancelledOn(name, format.date(subscription.currentPeriodEnd)), plan)
        : sentence(m.cancelledNow, plan);
    }
    case 'update-billing-details':
      return m.profileSaved;
  }
}

/** The page's return address when it is a web address (http(s), or a path on this site); else none. */
function safeReturnUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return ['http:', 'https:'].includes(new URL(value, location.href).protocol) ? value : null;
  } catch {
    return null;
  }
}

/** "Done", or "Back to the store" when the page named where that is. */
export function renderDone(host: ViewHost): TemplateResult {
  const m = host.t.task;
  const back = safeReturnUrl(host.returnUrl);
  return back
    ? html`<a class="button primary" part="done" href=${back} @click=${host.onDone}>${m.backToStore}</a>`
    : html`<button type="button" class="button primary" part="done" @click=${host.onDone}>
        ${host.t.common.done}
      </button>`;
}

/** Replacing a card: the old one may be removed from here (it is not removed without asking). */
function renderRemoval(
  host: ViewHost,
  done: TaskCompletion,
  canRemove: boolean,
): TemplateResult | typeof nothing {
  if (done.task !== 'replace-payment-method' || !canRemove) return nothing;
  const m = host.t.task;
  const old = paymentMethodLabel(host.t, done.result.replaced);
  const removal = host.removal;
  if (removal.step === 'done') return html`<p class="alert success" part="notice">${m.removed(old)}</p>`;
  return html`${
      removal.step === 'failed'
        ? html`<p class="alert error" role="alert" part="error">${removal.message}</p>`
        : nothing
    }
    <button
      type="button"
      class="button"
      part="remove-old"
      aria-disabled=${removal.step === 'busy' ? 'true' : 'false'}
      @click=${host.onRemoveOld}
    >
      ${removal.step === 'busy' ? host.t.common.removing : m.removeOld(old)}
    </button>`;
}

export function renderConfirmation(host: ViewHost, done: TaskCompletion, canRemove: boolean): TemplateResult {
  return html`<h2 id=${host.headingId} tabindex="-1" part="heading">${host.t.task.confirmed[done.task]}</h2>
    <p class="alert success" part="notice">${summary(host, done)}</p>
    <div class="actions">${renderRemoval(host, done, canRemove)} ${renderDone(host)}</div>`;
}

export function renderClosed(host: ViewHost, title: string): TemplateResult {
  const m = host.t.task;
  return html`<h2 id=${host.headingId} tabindex="-1" part="heading">${title}</h2>
    <p part="notice">${m.closed}</p>
    <div class="actions">
      <button type="button" class="button primary" part="start-again" @click=${host.onStartAgain}>
        ${m.startAgain}
      </button>
    </div>`;
}

/** Why the task cannot be done, in its place; the page decides what happens next. */
export function renderRefusal(host: ViewHost, title: string, reason: string): TemplateResult {
  return html`<h2 id=${host.headingId} tabindex="-1" part="heading">${title}</h2>
    <p class="alert warning" role="alert" part="refusal">${reason}</p>`;
}
