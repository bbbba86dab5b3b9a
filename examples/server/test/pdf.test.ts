import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { useTestServer } from './helpers.js';

const server = useTestServer({ freshEachTest: false });

/** The text drawn on the pages: pdf-lib writes each run as a hex string shown with Tj in a Flate stream. */
function drawnText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const runs: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at);
    if (start < 0) break;
    const dataStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf('endstream', dataStart);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(raw.subarray(dataStart, end)).toString('latin1');
    } catch {
      content = raw.subarray(dataStart, end).toString('latin1');
    }
    for (const match of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g))
      runs.push(Buffer.from(match[1], 'hex').toString('latin1'));
    at = end + 9;
  }
  return runs.join('\n');
}

describe('invoice PDF', () => {
  it('is a real PDF with the merchant, the number, dates, lines, taxes, totals, payments and amount due', async () => {
    const ada = server.client();
    await ada.signIn();
    const response = await fetch(`${server.url}/portal-api/invoices/inv_ada_1007/pdf`, {
      headers: { cookie: `portal_session=${ada.cookies.get('portal_session')}` },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="INV-1007.pdf"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
    const doc = await PDFDocument.load(bytes);
    assert.ok(doc.getPageCount() >= 1);
    assert.equal(doc.getTitle(), 'Invoice INV-1007');
    const text = drawnText(bytes);
    const invoice = (
      await ada.get<{ issueDate: string; dueDate: string }>('/portal-api/invoices/inv_ada_1007')
    ).body;
    for (const expected of [
      'Northwind Coffee Roasters',
      'INV-1007',
      invoice.issueDate,
      invoice.dueDate,
      'Pour-over starter kit',
      "Roaster's Choice, 340 g",
      'Sales tax (8.25 %)',
      '$216.00',
      '$17.82',
      '$233.82',
      'Visa \x95\x95\x95\x95 4242',
      '$100.00',
      'Amount due',
      '$133.82',
      'Ada Lovelace',
    ]) {
      assert.ok(text.includes(expected), `the PDF shows ${JSON.stringify(expected)}`);
    }
  });
});
