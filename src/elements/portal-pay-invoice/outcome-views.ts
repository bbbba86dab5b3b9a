import { html, nothing, type TemplateResult } from 'lit';
import type { PortalErrorCode } from '../../contract/errors.js';
import {
  type Invoice,
  type PayInvoice,
  type PaymentMethod,
  type PaymentReceipt,
  type PortalSettings,
  sum,
} from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { actionDescribedBy, actionDisabled, renderBusy, renderEmpty } from '../../ui/states.js';
import type { PayHost, PayT } from './pay-host.js';
import {
  labelOf,
  receiptText,
  renderCharges,
  renderDueFacts,
  renderFailure,
  renderHeading,
} from './parts.js';
import { sentence } from '../../ui/user-text.js';

/**
 * How a payment ended, and why there may be nothing to pay: the receipt (allocation by allocation),
 * "we could not confirm" (never shown as paid or as failed), the words for a refusal, and the steps
 * that offer no form (nothing due, nothing to pay with, payments turned off, no such invoice).
 */

/** The receipt: what was charged to which method and what was not, and what is still due. */
export function renderReceipt(
  host: PayHost,
  receipt: PaymentReceipt,
  methods: readonly PaymentMethod[] | undefined,
  invoice: Invoice | undefined,
): TemplateResult {
  const { t, format } = host;
  const tone = receipt.status === 'succeeded' ? 'success' : receipt.status === 'failed' ? 'error' : 'warning';
  const stillDue = receipt.amountDue.amount > 0;
  const kind = invoice?.id === receipt.invoiceId ? invoice.kind : undefined;
  const next = (label: string, onClick: () => void) =>
    html`<button type="button" class="button primary" part="submit" @click=${onClick}>${label}</button>`;
  return html`${renderHeading(host, t.pay.receiptHeading[receipt.status])}
    <div class="alert ${tone}" part="notice"><p>${receiptText(host, receipt, methods)}</p></div>
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
              <th scope="row">${labelOf(t, methods, allocation.paymentMethodId, allocation.methodLabel)}</th>
              <td class="num">${format.money(allocation.amount)}</td>
              <td>${t.pay.outcome[allocation.outcome]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${renderFacts([
      { label: kind ? t.invoiceKind[kind] : t.pay.invoice, value: receipt.invoiceNumber },
      { label: t.pay.chargedTotal, value: format.money(receipt.amountPaid) },
      { label: t.pay.stillDue, value: format.money(receipt.amountDue) },
    ])}
    <div class="actions">
      ${
        receipt.status === 'partially_succeeded' && stillDue
          ? next(t.pay.payRest(format.money(receipt.amountDue)), () => host.onPayRest(receipt))
          : nothing
      }
      ${receipt.status === 'failed' && stillDue ? next(t.pay.tryAnother, () => host.onTryAnother(receipt)) : nothing}
      <button
        type="button"
        class=${receipt.status === 'succeeded' ? 'button primary' : 'button'}
        @click=${() => host.onDone()}
      >
        ${t.common.done}
      </button>
    </div>`;
}

/** The answer was lost: the payment may or may not have gone through; Check again asks, same key. */
export function renderUnknown(
  host: PayHost,
  attempt: PayInvoice,
  methods: readonly PaymentMethod[] | undefined,
): TemplateResult {
  const { t, busy } = host;
  const total = sum(
    attempt.allocations.map((each) => each.amount),
    attempt.allocations[0].amount.currency,
  );
  return html`${renderHeading(host, t.pay.unknownHeading)}
    <div class="alert warning" part="notice"><p>${t.pay.unknownBody}</p></div>
    ${renderFailure(host)}
    ${renderCharges(host, attempt.allocations, methods, [{ label: t.pay.total, value: total }])}
    <div class="actions">
      <button
        type="button"
        class="button primary"
        part="submit"
        aria-disabled=${actionDisabled(host.readOnly, busy)}
        aria-describedby=${actionDescribedBy(host.readOnly)}
        @click=${() => void host.onCheckAgain()}
      >
        ${busy ? renderBusy(t.common.checking) : t.common.checkAgain}
      </button>
    </div>`;
}

/** Why a final refusal charged nothing, in words that say what to change. */
export function refusalMessage(t: PayT, code: PortalErrorCode): string {
  switch (code) {
    case 'forbidden':
      // The merchant changed what is allowed: the store refreshes the settings, and the form follows.
      return t.pay.forbidden;
    case 'conflict':
      return t.pay.conflict;
    case 'not_found':
      return t.pay.methodGone;
    default:
      return t.pay.declined;
  }
}

/** The invoice with nothing to pay on it, or nothing to pay with: its facts and why. */
export function renderNoPayment(
  host: PayHost,
  invoice: Invoice,
  reason: 'nothingToPay' | 'noMethods',
): TemplateResult {
  const t = host.t.pay;
  return html`${renderHeading(
    host,
    sentence((number) => t.heading(number), invoice.number),
  )}
  ${renderDueFacts(host, invoice)}
  ${renderEmpty(
    reason === 'noMethods' ? t.noMethods : sentence((number) => t.nothingToPay(number), invoice.number),
  )}`;
}

export function renderPaymentsOff(host: PayHost, invoice: Invoice, settings: PortalSettings): TemplateResult {
  const t = host.t.pay;
  const { merchantName, supportEmail } = settings.branding;
  return html`${renderHeading(
      host,
      sentence((number) => t.heading(number), invoice.number),
    )}
    <div class="alert info" part="notice">
      <p>${sentence((name) => t.paymentsOff(name), merchantName)}</p>
      ${supportEmail ? html`<a href=${`mailto:${supportEmail}`}>${t.contact(supportEmail)}</a>` : nothing}
    </div>`;
}

/** Another customer's invoice, or none: no retry, it would be the same answer. */
export function renderNotFound(host: PayHost): TemplateResult {
  const t = host.t;
  return html`${renderHeading(host, t.invoiceRef.notFoundHeading)}
    <div class="alert error" role="alert" part="error"><p>${t.invoiceRef.notFound}</p></div>`;
}
