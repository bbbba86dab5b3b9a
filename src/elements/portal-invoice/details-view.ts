import { html, nothing, type TemplateResult } from 'lit';
import type { ElementMessages, Formatter } from '../../core/i18n/index.js';
import type { Invoice } from '../../model/index.js';
import { paymentMethodLabel } from '../../ui/payment-method-label.js';
import type { invoiceMessages } from './messages.js';
import { sentence, userText } from '../../ui/user-text.js';

/** The invoice's read-only sections: its lines with taxes and totals, and the payments made on it. */

/** What the sections need from `<portal-invoice>`: its words, formats and an id prefix for headings. */
export interface DetailsContext {
  t: ElementMessages<typeof invoiceMessages>;
  format: Formatter;
  locale: string;
  uid: string;
}

/** A tax rate, not money: basis points as a fraction for Intl's percent style (825 → "8.25%"). */
function percent(locale: string, basisPoints: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

export function renderLines(context: DetailsContext, invoice: Invoice): TemplateResult {
  const { format } = context;
  const t = context.t.invoice;
  const money = (value: Invoice['total']) => format.money(value);
  const headingId = `${context.uid}-lines`;
  return html`<section aria-labelledby=${headingId}>
    <h3 id=${headingId}>${t.linesHeading}</h3>
    <table part="lines" aria-labelledby=${headingId}>
      <thead>
        <tr>
          <th scope="col">${t.description}</th>
          <th scope="col" class="num">${t.quantity}</th>
          <th scope="col" class="num">${t.unitPrice}</th>
          <th scope="col" class="num">${t.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${invoice.lines.map(
          (line) =>
            html`<tr>
              <th scope="row">${userText(line.description)}</th>
              <td class="num">${format.number(line.quantity)}</td>
              <td class="num">${money(line.unitPrice)}</td>
              <td class="num">${money(line.amount)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="3">${t.subtotal}</th>
          <td class="num">${money(invoice.subtotal)}</td>
        </tr>
        ${invoice.taxes.map(
          (tax) =>
            html`<tr>
              <th scope="row" colspan="3">
                ${sentence((name) => t.taxLine(name, percent(context.locale, tax.rateBasisPoints)), tax.name)}
              </th>
              <td class="num">${money(tax.amount)}</td>
            </tr>`,
        )}
        ${
          // With one tax line the line is the tax; a second row would repeat it.
          invoice.taxes.length === 1
            ? nothing
            : html`<tr>
                <th scope="row" colspan="3">${t.tax}</th>
                <td class="num">${money(invoice.tax)}</td>
              </tr>`
        }
        <tr class="total">
          <th scope="row" colspan="3">${t.total}</th>
          <td class="num">${money(invoice.total)}</td>
        </tr>
      </tfoot>
    </table>
  </section>`;
}

export function renderPayments(context: DetailsContext, invoice: Invoice): TemplateResult {
  const { format } = context;
  const t = context.t.invoice;
  const headingId = `${context.uid}-payments`;
  return html`<section aria-labelledby=${headingId} part="payments">
    <h3 id=${headingId}>${t.paymentsHeading}</h3>
    ${
      invoice.payments.length === 0
        ? html`<p class="muted">${t.noPayments}</p>`
        : html`<table aria-labelledby=${headingId}>
            <thead>
              <tr>
                <th scope="col">${t.paidAt}</th>
                <th scope="col">${t.method}</th>
                <th scope="col" class="num">${t.amount}</th>
              </tr>
            </thead>
            <tbody>
              ${invoice.payments.map(
                (payment) =>
                  html`<tr>
                    <th scope="row">
                      <time datetime=${payment.paidAt}>${format.dateTime(payment.paidAt)}</time>
                    </th>
                    <td>
                      ${payment.method ? paymentMethodLabel(context.t, payment.method) : userText(payment.methodLabel)}
                    </td>
                    <td class="num">${format.money(payment.amount)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <dl class="totals">
      <dt>${t.amountPaid}</dt>
      <dd>${format.money(invoice.amountPaid)}</dd>
      <dt class="due">${t.amountDue}</dt>
      <dd class="due">${format.money(invoice.amountDue)}</dd>
    </dl>
  </section>`;
}
