import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import type { Customer, Invoice, Money } from '../../../../src/model/index.js';
import { formatMoney } from '../../../../src/model/index.js';

export interface InvoicePdfInput {
  merchantName: string;
  supportEmail?: string;
  customer: Customer;
  invoice: Invoice;
  locale?: string;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);
const RULE = rgb(0.82, 0.84, 0.87);

/**
 * The invoice as a PDF document: merchant, customer, number and dates, lines, taxes, totals, payments and
 * the amount due. Standard fonts cover WinAnsi only, so other characters are replaced rather than
 * failing the whole document.
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Uint8Array> {
  const { invoice, customer, merchantName } = input;
  const locale = input.locale ?? 'en-US';
  const doc = await PDFDocument.create();
  doc.setTitle(`${invoice.kind === 'order' ? 'Order' : 'Invoice'} ${invoice.number}`);
  doc.setAuthor(merchantName);
  doc.setCreator('Portal Elements reference server');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const clean = (text: string) =>
    [...text].map((char) => (supported.has(char.codePointAt(0) ?? 0) ? char : '?')).join('');
  const money = (value: Money) => clean(formatMoney(value, locale));

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (y - height < MARGIN) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
  };
  const text = (
    value: string,
    x: number,
    options: { font?: PDFFont; size?: number; color?: typeof INK } = {},
  ) =>
    page.drawText(clean(value), {
      x,
      y,
      size: options.size ?? 10,
      font: options.font ?? regular,
      color: options.color ?? INK,
    });
  const right = (value: string, xRight: number, options: { font?: PDFFont; size?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    text(value, xRight - font.widthOfTextAtSize(clean(value), size), { font, size });
  };
  const rule = () => {
    page.drawLine({
      start: { x: MARGIN, y: y + 4 },
      end: { x: PAGE.width - MARGIN, y: y + 4 },
      thickness: 0.5,
      color: RULE,
    });
  };
  const edge = PAGE.width - MARGIN;

  text(merchantName, MARGIN, { font: bold, size: 18 });
  right(invoice.kind === 'order' ? 'ORDER' : 'INVOICE', edge, { font: bold, size: 18 });
  y -= 18;
  if (input.supportEmail) text(input.supportEmail, MARGIN, { color: MUTED });
  right(invoice.number, edge, { font: bold, size: 12 });
  y -= 30;

  text('Billed to', MARGIN, { font: bold, color: MUTED });
  text('Issued', 330, { font: bold, color: MUTED });
  right(invoice.issueDate, edge);
  y -= 14;
  const billedTo = [
    customer.name,
    customer.company,
    customer.billingAddress?.line1,
    customer.billingAddress?.line2,
    customer.billingAddress &&
      [customer.billingAddress.postalCode, customer.billingAddress.city, customer.billingAddress.region]
        .filter(Boolean)
        .join(' '),
    customer.billingAddress?.country,
    customer.email,
    customer.vatNumber ? `VAT ${customer.vatNumber}` : undefined,
    customer.poNumber ? `PO ${customer.poNumber}` : undefined,
  ].filter((line): line is string => typeof line === 'string' && line !== '');
  const facts: [string, string][] = [
    ...(invoice.dueDate ? ([['Due', invoice.dueDate]] as [string, string][]) : []),
    ['Customer', customer.code],
    ['Status', invoice.status.replace('_', ' ')],
  ];
  for (let i = 0; i < Math.max(billedTo.length, facts.length); i++) {
    if (billedTo[i]) text(billedTo[i], MARGIN);
    if (facts[i]) {
      text(facts[i][0], 330, { font: bold, color: MUTED });
      right(facts[i][1], edge);
    }
    y -= 14;
  }
  y -= 16;

  const columns = { description: MARGIN, quantity: 340, unit: 430, amount: edge };
  text('Description', columns.description, { font: bold });
  right('Qty', columns.quantity + 20, { font: bold });
  right('Unit price', columns.unit + 40, { font: bold });
  right('Amount', columns.amount, { font: bold });
  y -= 8;
  rule();
  y -= 12;
  for (const line of invoice.lines) {
    ensureRoom(16);
    text(line.description.slice(0, 55), columns.description);
    right(String(line.quantity), columns.quantity + 20);
    right(money(line.unitPrice), columns.unit + 40);
    right(money(line.amount), columns.amount);
    y -= 16;
  }
  rule();
  y -= 12;

  const totals: [string, string, boolean][] = [
    ['Subtotal', money(invoice.subtotal), false],
    ...invoice.taxes.map((tax): [string, string, boolean] => [
      `${tax.name} (${(tax.rateBasisPoints / 100).toFixed(2)} %)`,
      money(tax.amount),
      false,
    ]),
    ['Total', money(invoice.total), true],
    ['Paid', money(invoice.amountPaid), false],
    ['Amount due', money(invoice.amountDue), true],
  ];
  for (const [label, value, strong] of totals) {
    ensureRoom(16);
    text(label, 330, { font: strong ? bold : regular });
    right(value, edge, { font: strong ? bold : regular });
    y -= 16;
  }

  if (invoice.payments.length > 0) {
    y -= 14;
    ensureRoom(40);
    text('Payments', MARGIN, { font: bold, size: 12 });
    y -= 16;
    for (const payment of invoice.payments) {
      ensureRoom(16);
      text(payment.paidAt.slice(0, 10), MARGIN);
      text(payment.methodLabel, 150);
      right(money(payment.amount), edge);
      y -= 16;
    }
  }

  const merchantNotes = invoice.notes.filter((note) => note.author === 'merchant');
  if (merchantNotes.length > 0) {
    y -= 14;
    ensureRoom(40);
    text('Notes', MARGIN, { font: bold, size: 12 });
    y -= 16;
    for (const note of merchantNotes) {
      for (const chunk of wrap(clean(note.body), regular, 10, edge - MARGIN)) {
        ensureRoom(14);
        text(chunk, MARGIN);
        y -= 14;
      }
    }
  }
  return doc.save();
}

function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
