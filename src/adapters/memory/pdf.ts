import { type Invoice, formatMoney } from '../../model/index.js';

/** One run of text on a page, in PDF points from the bottom-left corner. */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
}

// WinAnsiEncoding (the standard fonts' encoding) code points above Latin-1 that invoices use.
const WIN_ANSI: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95 };
Object.assign(WIN_ANSI, { '–': 0x96, '—': 0x97, '\u00a0': 0x20, '\u202f': 0x20 });

/** A PDF string literal in WinAnsi bytes (one char per byte); what the encoding lacks becomes "?". */
function pdfString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = WIN_ANSI[char] ?? char.codePointAt(0) ?? 0x3f;
    const byte = code < 0x20 || code > 0xff ? 0x3f : code;
    out += byte === 0x28 || byte === 0x29 || byte === 0x5c ? `\\${char}` : String.fromCharCode(byte);
  }
  return `(${out})`;
}

/**
 * A minimal PDF 1.4 document: A4 pages of Helvetica text. Objects are written in order and their byte
 * offsets recorded for the cross-reference table; every character is one byte, so string length is the
 * byte count.
 */
export function writePdf(pages: readonly PdfText[][]): Uint8Array<ArrayBuffer> {
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 5 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((texts, index) => {
    const content = texts
      .map(
        ({ x, y, text, size = 10, bold }) =>
          `BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x} ${y} Td ${pdfString(text)} Tj ET`,
      )
      .join('\n');
    objects[pageIds[index]] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[index] + 1} 0 R >>`;
    objects[pageIds[index] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1)
    body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (char) => char.charCodeAt(0));
}

/** The invoice (number, dates, lines, totals, payments) laid out on as many pages as it needs. */
export function invoicePdf(
  invoice: Invoice,
  merchantName: string,
  customerName: string,
): Uint8Array<ArrayBuffer> {
  const amount = (value: Invoice['total']) => formatMoney(value, 'en-US');
  const title = invoice.kind === 'order' ? 'Order' : 'Invoice';
  const pages: PdfText[][] = [[]];
  let y = 790;
  const line = (texts: Omit<PdfText, 'y'>[], gap = 16) => {
    if (y < 60) {
      pages.push([]);
      y = 790;
    }
    pages[pages.length - 1].push(...texts.map((text) => ({ ...text, y })));
    y -= gap;
  };
  line([{ x: 50, text: merchantName, size: 16, bold: true }], 28);
  line([{ x: 50, text: `${title} ${invoice.number}`, size: 13, bold: true }], 20);
  line([{ x: 50, text: `Billed to: ${customerName}` }]);
  line([{ x: 50, text: `Issued: ${invoice.issueDate}` }]);
  if (invoice.dueDate) line([{ x: 50, text: `Due: ${invoice.dueDate}` }]);
  line([{ x: 50, text: `Status: ${invoice.status.replace('_', ' ')}` }], 28);
  line([
    { x: 50, text: 'Description', bold: true },
    { x: 340, text: 'Qty', bold: true },
    { x: 390, text: 'Unit price', bold: true },
    { x: 480, text: 'Amount', bold: true },
  ]);
  for (const each of invoice.lines) {
    line([
      { x: 50, text: each.description.slice(0, 60) },
      { x: 340, text: String(each.quantity) },
      { x: 390, text: amount(each.unitPrice) },
      { x: 480, text: amount(each.amount) },
    ]);
  }
  y -= 12;
  const totals: [string, Invoice['total']][] = [
    ['Subtotal', invoice.subtotal],
    ...invoice.taxes.map((tax): [string, Invoice['total']] => [
      `${tax.name} (${tax.rateBasisPoints / 100} %)`,
      tax.amount,
    ]),
    ['Total', invoice.total],
    ['Paid', invoice.amountPaid],
    ['Amount due', invoice.amountDue],
  ];
  for (const [label, value] of totals) {
    line([
      { x: 340, text: label, bold: label === 'Amount due' },
      { x: 480, text: amount(value), bold: label === 'Amount due' },
    ]);
  }
  if (invoice.payments.length > 0) {
    y -= 12;
    line([{ x: 50, text: 'Payments', bold: true }]);
    for (const payment of invoice.payments) {
      line([
        { x: 50, text: payment.paidAt.slice(0, 10) },
        { x: 150, text: payment.methodLabel },
        { x: 480, text: amount(payment.amount) },
      ]);
    }
  }
  return writePdf(pages);
}
