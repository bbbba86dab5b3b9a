import type { InvoiceSummary } from '../../model/index.js';
import { OUTSTANDING_STATUSES } from '../../model/index.js';
import { deepEqual, equal, ok, rejects, show } from './assert.js';
import type { Register } from './context.js';

function sumDue(invoices: readonly InvoiceSummary[]): number {
  return invoices.reduce((sum, invoice) => sum + invoice.amountDue.amount, 0);
}

export function accountTests(test: Register): void {
  test('reads the customer and updates the profile, returning copies', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const customer = await adapter.getCustomer();
    equal(customer.code, 'CUST-0001', 'getCustomer().code');
    ok(customer.defaultPaymentMethodId, 'Ada has a default payment method');
    const shippingAddress = { line1: '1 Dock Street', city: 'Portland', postalCode: '97209', country: 'US' };
    const updated = await adapter.updateProfile({ phone: '+1 503 555 0199', shippingAddress });
    equal(updated.phone, '+1 503 555 0199', 'updateProfile answer: phone');
    deepEqual(updated.shippingAddress, shippingAddress, 'updateProfile answer: shippingAddress');
    equal(updated.name, 'Ada Lovelace', 'fields not sent stay as they were');
    updated.name = 'Changed by the caller';
    const again = await adapter.getCustomer();
    equal(again.phone, '+1 503 555 0199', 'getCustomer() after updateProfile: phone');
    deepEqual(again.shippingAddress, shippingAddress, 'getCustomer() after updateProfile: shippingAddress');
    equal(again.name, 'Ada Lovelace', 'changing a returned object does not change the backend');
  });

  test('updates and clears purchase-order, VAT and registration numbers', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const updated = await adapter.updateTaxIds({ poNumber: 'PO-2026-17', vatNumber: 'GB123456789' });
    equal(updated.poNumber, 'PO-2026-17', 'poNumber');
    equal(updated.vatNumber, 'GB123456789', 'vatNumber');
    const cleared = await adapter.updateTaxIds({ poNumber: '' });
    ok(!cleared.poNumber, `an empty string clears poNumber, got ${show(cleared.poNumber)}`);
    equal(cleared.vatNumber, 'GB123456789', 'a number not sent stays');
    equal((await adapter.getCustomer()).vatNumber, 'GB123456789', 'getCustomer().vatNumber');
  });

  test('refuses changes to information when the merchant turned it off (forbidden)', async (t) => {
    const { adapter } = t;
    await t.changeSettings((settings) => {
      settings.profile.modifyInformation = false;
    });
    await t.signInAda();
    const mastercard = await t.methodByLast4('4444');
    await rejects(adapter.updateProfile({ phone: '+1 503 555 0199' }), 'forbidden', 'updateProfile');
    await rejects(adapter.updateTaxIds({ poNumber: 'PO-9' }), 'forbidden', 'updateTaxIds');
    await rejects(
      adapter.setDefaultPaymentMethod({ id: mastercard.id }),
      'forbidden',
      'setDefaultPaymentMethod',
    );
    const customer = await adapter.getCustomer();
    equal(customer.phone, '+1 503 555 0100', 'the phone number is unchanged');
    ok(customer.defaultPaymentMethodId !== mastercard.id, 'the default payment method is unchanged');
  });

  test('summarises what the customer owes, consistently with the invoice list', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const summary = await adapter.getBillingSummary();
    const outstanding = await t.invoices('outstanding');
    const overdue = outstanding.filter((invoice) => invoice.status === 'overdue');
    equal(summary.outstanding.currency, 'USD', 'outstanding.currency');
    equal(summary.outstandingCount, outstanding.length, 'outstandingCount');
    equal(summary.outstanding.amount, sumDue(outstanding), 'outstanding.amount');
    equal(summary.overdueCount, overdue.length, 'overdueCount');
    equal(summary.overdue.amount, sumDue(overdue), 'overdue.amount');
    ok(summary.overdueCount >= 1, 'Ada has an overdue invoice');
    ok(summary.nextBillingDate, 'Ada has live subscriptions, so a next billing date');
    const customer = await adapter.getCustomer();
    ok(summary.autoPay.enabled, 'Ada pays automatically');
    equal(
      summary.autoPay.paymentMethodId,
      customer.defaultPaymentMethodId,
      'auto-pay uses the default method',
    );
  });
}

export function invoiceTests(test: Register): void {
  test('lists invoices newest first, page by page, without duplicates', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const whole = await adapter.listInvoices({ limit: 100 });
    equal(whole.nextCursor, null, 'one page of 100 holds all of Ada’s invoices');
    ok(whole.items.length >= 9, `Ada has the demo's invoices, got ${whole.items.length}`);
    const pages: InvoiceSummary[][] = [];
    let cursor: string | undefined;
    do {
      const page = await adapter.listInvoices({ limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
      ok(pages.length <= whole.items.length, 'paging ends');
    } while (cursor);
    pages.slice(0, -1).forEach((page, index) => equal(page.length, 2, `page ${index + 1} is full`));
    const walked = pages.flat().map((invoice) => invoice.id);
    equal(new Set(walked).size, walked.length, 'no invoice appears twice');
    deepEqual(
      walked,
      whole.items.map((invoice) => invoice.id),
      'pages of 2 list the same invoices in the same order',
    );
    for (let index = 1; index < whole.items.length; index += 1) {
      ok(
        whole.items[index - 1].issueDate >= whole.items[index].issueDate,
        `newest first: ${whole.items[index - 1].number} before ${whole.items[index].number}`,
      );
    }
    const defaultPage = await adapter.listInvoices({});
    ok(
      defaultPage.items.length > 0 && defaultPage.items.length <= 100,
      'a page without a limit has a sane size',
    );
  });

  test('filters outstanding and settled invoices', async (t) => {
    await t.signInAda();
    const all = await t.invoices('all');
    const outstanding = await t.invoices('outstanding', 1);
    const paid = await t.invoices('paid', 1);
    for (const invoice of outstanding) {
      ok(
        OUTSTANDING_STATUSES.includes(invoice.status),
        `${invoice.number} (${invoice.status}) is outstanding`,
      );
      ok(invoice.amountDue.amount > 0, `${invoice.number} has something due`);
    }
    for (const invoice of paid) {
      ok(['paid', 'refunded'].includes(invoice.status), `${invoice.number} (${invoice.status}) is settled`);
    }
    const statuses = new Set(all.map((invoice) => invoice.status));
    for (const status of ['open', 'overdue', 'partially_paid', 'paid', 'void', 'refunded'] as const) {
      ok(statuses.has(status), `the demo data has a ${status} invoice`);
    }
    equal(
      outstanding.length,
      all.filter((invoice) => OUTSTANDING_STATUSES.includes(invoice.status)).length,
      'outstanding filter against the full list',
    );
    equal(
      paid.length,
      all.filter((invoice) => invoice.status === 'paid' || invoice.status === 'refunded').length,
      'paid filter against the full list',
    );
    ok(
      all.some((invoice) => invoice.kind === 'order'),
      'orders are listed with invoices',
    );
  });

  test('shows an invoice with lines, taxes, payments and notes that add up', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const partial = (await t.invoices()).find((invoice) => invoice.status === 'partially_paid');
    ok(partial, 'Ada has a partially paid invoice');
    const invoice = await adapter.getInvoice({ id: partial.id });
    equal(invoice.number, partial.number, 'getInvoice().number');
    ok(invoice.lines.length > 0, 'the invoice has lines');
    for (const line of invoice.lines) {
      equal(line.amount.amount, line.quantity * line.unitPrice.amount, `line "${line.description}" amount`);
    }
    const subtotal = invoice.lines.reduce((sum, line) => sum + line.amount.amount, 0);
    equal(invoice.subtotal.amount, subtotal, 'subtotal = sum of lines');
    equal(
      invoice.tax.amount,
      invoice.taxes.reduce((sum, tax) => sum + tax.amount.amount, 0),
      'tax = sum of taxes',
    );
    equal(invoice.total.amount, subtotal + invoice.tax.amount, 'total = subtotal + tax');
    equal(
      invoice.amountPaid.amount,
      invoice.payments.reduce((sum, p) => sum + p.amount.amount, 0),
      'amountPaid',
    );
    equal(invoice.amountDue.amount, invoice.total.amount - invoice.amountPaid.amount, 'amountDue');
    let tracked = false;
    for (const order of (await t.invoices()).filter((each) => each.kind === 'order')) {
      const detail = await adapter.getInvoice({ id: order.id });
      tracked ||= detail.notes.some((note) => note.author === 'merchant' && /tracking/i.test(note.body));
    }
    ok(tracked, 'an order carries the merchant’s note with a tracking number');
  });

  test('takes the customer’s notes on an invoice when allowed', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const order = await t.invoiceByNumber('ORD-2004');
    const before = await adapter.getInvoice({ id: order.id });
    const note = await adapter.addInvoiceNote({ id: order.id, body: '  Thanks, it arrived!  ' });
    equal(note.author, 'customer', 'note.author');
    equal(note.body, 'Thanks, it arrived!', 'note.body (trimmed)');
    const after = await adapter.getInvoice({ id: order.id });
    equal(after.notes.length, before.notes.length + 1, 'notes after adding one');
    equal(after.notes[after.notes.length - 1].id, note.id, 'the new note comes last');
    await t.changeSettings((settings) => {
      settings.invoices.customerNotes = false;
    });
    await rejects(adapter.addInvoiceNote({ id: order.id, body: 'Another' }), 'forbidden', 'notes turned off');
  });

  test('links a PDF of an invoice when allowed', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const invoice = await t.invoiceByNumber('INV-1009');
    const link = await adapter.getInvoicePdf({ id: invoice.id });
    ok(link.url.length > 0, 'getInvoicePdf().url is set');
    ok(
      link.fileName.endsWith('.pdf') && link.fileName.includes('1009'),
      `fileName names the invoice, got ${link.fileName}`,
    );
    await t.changeSettings((settings) => {
      settings.invoices.downloadPdf = false;
    });
    await rejects(adapter.getInvoicePdf({ id: invoice.id }), 'forbidden', 'PDF downloads turned off');
  });

  test('answers another customer’s invoice exactly like an unknown one (not_found)', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const visa = await t.methodByLast4('4242');
    for (const id of [others.invoiceId, 'inv_does_not_exist']) {
      await rejects(adapter.getInvoice({ id }), 'not_found', `getInvoice(${id})`);
      await rejects(adapter.getInvoicePdf({ id }), 'not_found', `getInvoicePdf(${id})`);
      await rejects(adapter.addInvoiceNote({ id, body: 'Hello' }), 'not_found', `addInvoiceNote(${id})`);
      const error = await rejects(
        adapter.payInvoice({
          invoiceId: id,
          allocations: [{ paymentMethodId: visa.id, amount: { amount: 100, currency: 'EUR' } }],
          idempotencyKey: `conformance-${crypto.randomUUID()}`,
        }),
        'not_found',
        `payInvoice(${id})`,
      );
      equal(error.fieldErrors.length, 0, 'not_found carries no field errors');
    }
  });
}
