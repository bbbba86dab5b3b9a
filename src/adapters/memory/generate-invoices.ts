import { taxOn } from '../../model/index.js';
import type { InvoiceRecord } from '../../rules/records.js';

const PRODUCTS: readonly [string, number][] = [
  ["Roaster's Choice, 340 g", 2400],
  ['Ethiopia Guji, 340 g', 2900],
  ['Colombia Huila, 1 kg', 3600],
  ['Espresso blend, 340 g', 2100],
  ['Decaf Swiss Water, 340 g', 2300],
  ['Paper filters, 100 pack', 650],
  ['Burr grinder cleaning tablets', 1850],
];

const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded generator, so the same options always give the same history. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A long, deterministic invoice history for one customer (the big-list story and the benchmark): three
 * invoices every two days, ending 100 days before `today` so that it sits behind the hand-written demo
 * invoices. Mostly paid, with some void, refunded, unpaid and partly paid ones so every filter has pages.
 */
export function generateInvoices(options: {
  count: number;
  customerId: string;
  currency: string;
  paymentMethodIds: readonly string[];
  today: string;
}): InvoiceRecord[] {
  const { count, customerId, currency, paymentMethodIds, today } = options;
  const random = seeded(count);
  const newest = Date.parse(`${today}T00:00:00Z`) - 100 * DAY_MS;
  const invoices: InvoiceRecord[] = new Array<InvoiceRecord>(count);
  for (let index = 0; index < count; index += 1) {
    const serial = String(count - index).padStart(6, '0');
    const issued = newest - Math.floor((index * 2) / 3) * DAY_MS;
    const lineCount = 1 + Math.floor(random() * 3);
    const lines = Array.from({ length: lineCount }, (_, line) => {
      const [description, unitPrice] = PRODUCTS[Math.floor(random() * PRODUCTS.length)];
      return {
        id: `line_gen_${serial}_${line + 1}`,
        description,
        quantity: 1 + Math.floor(random() * 4),
        unitPrice,
      };
    });
    const subtotal = lines.reduce((sum, each) => sum + each.quantity * each.unitPrice, 0);
    const taxed = index % 4 === 0;
    const total = subtotal + (taxed ? taxOn(subtotal, 825) : 0);
    const kind = index % 9 === 4 ? 'order' : 'invoice';
    const bucket = index % 100;
    const unpaid = bucket < 2;
    const partly = bucket === 2 || bucket === 3;
    const voided = bucket === 4 || bucket === 5;
    const refunded = bucket === 6;
    const paidAmount = unpaid || voided ? 0 : partly ? Math.floor(total / 2) : total;
    const paidAt = `${isoDate(issued + Math.floor(random() * 20) * DAY_MS)}T10:00:00Z`;
    invoices[index] = {
      id: `inv_gen_${serial}`,
      customerId,
      number: `${kind === 'order' ? 'ORD' : 'INV'}-H${serial}`,
      kind,
      issueDate: isoDate(issued),
      ...(kind === 'invoice' ? { dueDate: isoDate(issued + 30 * DAY_MS) } : {}),
      currency,
      lines,
      taxName: 'Sales tax',
      taxRateBasisPoints: taxed ? 825 : 0,
      voided,
      refunded,
      payments:
        paidAmount > 0 && paymentMethodIds.length > 0
          ? [
              {
                id: `pay_gen_${serial}`,
                paidAt,
                paymentMethodId: paymentMethodIds[index % paymentMethodIds.length],
                amount: paidAmount,
              },
            ]
          : [],
      notes: [],
    };
  }
  return invoices;
}
