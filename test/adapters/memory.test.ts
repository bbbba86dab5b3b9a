import { expect } from '@open-wc/testing';
import { parseOutput } from '../../src/contract/validated.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { DEMO_PASSWORD, DEMO_TEMPORARY_PASSWORD, createDemoData } from '../../src/adapters/demo/demo-data.js';
import { addDays } from '../../src/rules/dates.js';
import { PortalError } from '../../src/contract/errors.js';
import type { InvoiceSummary, PayInvoice } from '../../src/model/index.js';

const TODAY = '2026-11-21';
const ADA = { email: 'ada@example.com', password: DEMO_PASSWORD };

/** A clock the test moves by hand. */
function manualClock(start = `${TODAY}T09:00:00Z`) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

async function signedIn(options: MemoryAdapterOptions = {}): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ today: TODAY, ...options });
  await adapter.signIn(ADA);
  return adapter;
}

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PortalError);
    return error as PortalError;
  }
  throw new Error('expected the call to fail');
}

async function abortError(promise: Promise<unknown>): Promise<DOMException> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DOMException);
    return error as DOMException;
  }
  throw new Error('expected the call to be aborted');
}

function tokenIn(adapter: MemoryAdapter, param: string): string {
  const message = [...adapter.outbox].reverse().find((each) => each.text.includes(param));
  const match = message && new RegExp(`${param}=([\\w-]+)`).exec(message.text);
  if (!match) throw new Error(`no email with ${param}`);
  return match[1];
}

async function allInvoices(adapter: MemoryAdapter, filter: 'all' | 'outstanding' | 'paid' = 'all') {
  const items: InvoiceSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await adapter.listInvoices({ filter, limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

describe('MemoryAdapter', () => {
  describe('demo data', () => {
    it('is deterministic for a given today, with dates relative to it', async () => {
      const one = await signedIn();
      const two = await signedIn();
      expect(await one.listInvoices({ limit: 100 })).to.deep.equal(await two.listInvoices({ limit: 100 }));
      expect(await one.listPaymentMethods()).to.deep.equal(await two.listPaymentMethods());
      expect(await one.listSubscriptions()).to.deep.equal(await two.listSubscriptions());
      const latest = await one.getInvoice({ id: 'inv_ada_1009' });
      expect(latest.issueDate).to.equal(addDays(TODAY, -3));
      expect(latest.status).to.equal('open');
      expect((await one.getInvoice({ id: 'inv_ada_1008' })).status).to.equal('overdue');
    });

    it('numbers what it creates in sequence, the same on every run', async () => {
      const ids: string[][] = [];
      for (let run = 0; run < 2; run += 1) {
        const adapter = await signedIn();
        const card = await adapter.addCard({ token: 'tok_visa_122030' });
        const sub = await adapter.subscribe({
          planId: 'plan_office_weekly',
          quantity: 1,
          idempotencyKey: 'run-key-0000000001',
        });
        const first = (await adapter.listInvoices({ limit: 1 })).items[0];
        ids.push([card.id, sub.id, first.number]);
      }
      expect(ids[0]).to.deep.equal(ids[1]);
      expect(ids[0][2]).to.equal('INV-1010');
    });

    it('serves a snapshot given in the options without changing it', async () => {
      const data = createDemoData(TODAY);
      data.customers[0].name = 'Augusta Ada King';
      const adapter = new MemoryAdapter({ today: TODAY, data });
      await adapter.signIn(ADA);
      expect((await adapter.getCustomer()).name).to.equal('Augusta Ada King');
      await adapter.updateProfile({ name: 'Ada Byron' });
      expect(data.customers[0].name).to.equal('Augusta Ada King');
    });

    it('answers copies, so callers cannot change its state', async () => {
      const adapter = await signedIn();
      const settings = await adapter.getSettings();
      settings.invoices.payInvoices = false;
      expect((await adapter.getSettings()).invoices.payInvoices).to.equal(true);
      const invoice = await adapter.getInvoice({ id: 'inv_ada_1007' });
      invoice.payments.length = 0;
      expect((await adapter.getInvoice({ id: 'inv_ada_1007' })).payments).to.have.length(1);
    });
  });

  describe('extraInvoices', () => {
    it('generates 10,000 deterministic invoices and pages through all of them without repeats', async () => {
      const adapter = await signedIn({ extraInvoices: 10_000 });
      const { items, pages } = await allInvoices(adapter);
      expect(items).to.have.length(10_009);
      expect(pages).to.equal(101);
      expect(new Set(items.map((invoice) => invoice.id)).size).to.equal(10_009);
      for (let index = 1; index < items.length; index += 1) {
        expect(items[index - 1].issueDate >= items[index].issueDate, items[index].number).to.equal(true);
      }
      const twin = await signedIn({ extraInvoices: 10_000 });
      const cursor = (await twin.listInvoices({ limit: 100 })).nextCursor ?? undefined;
      expect(await twin.listInvoices({ limit: 100, cursor })).to.deep.equal(
        await adapter.listInvoices({ limit: 100, cursor }),
      );
      parseOutput('listInvoices', { items, nextCursor: null });
    });

    it('keeps the billing summary and the filters consistent over the big history', async () => {
      const adapter = await signedIn({ extraInvoices: 10_000 });
      const outstanding = (await allInvoices(adapter, 'outstanding')).items;
      const paid = (await allInvoices(adapter, 'paid')).items;
      const summary = await adapter.getBillingSummary();
      expect(summary.outstandingCount).to.equal(outstanding.length);
      expect(summary.outstanding.amount).to.equal(
        outstanding.reduce((sum, each) => sum + each.amountDue.amount, 0),
      );
      expect(outstanding.length).to.be.greaterThan(300);
      expect(paid.length).to.be.greaterThan(9_000);
      const oldest = outstanding[outstanding.length - 1];
      const receipt = await adapter.payInvoice({
        invoiceId: oldest.id,
        allocations: [{ paymentMethodId: 'pm_ada_bank', amount: oldest.amountDue }],
        idempotencyKey: 'pay-the-oldest-0001',
      });
      expect(receipt.status).to.equal('succeeded');
      expect((await adapter.getBillingSummary()).outstandingCount).to.equal(outstanding.length - 1);
    });
  });

  describe('latency and abort', () => {
    it('waits latencyMs before answering', async () => {
      const adapter = new MemoryAdapter({ today: TODAY, latencyMs: 60 });
      const started = performance.now();
      await adapter.getSettings();
      expect(performance.now() - started).to.be.at.least(55);
    });

    it('rejects an already aborted call with an AbortError and does nothing', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      const error = await abortError(adapter.signIn(ADA, { signal: AbortSignal.abort() }));
      expect(error.name).to.equal('AbortError');
      expect(await adapter.getSession()).to.equal(null);
    });

    it('rejects a call aborted during its latency and charges nothing', async () => {
      const adapter = await signedIn({ latencyMs: 50 });
      const controller = new AbortController();
      const request: PayInvoice = {
        invoiceId: 'inv_ada_1009',
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 7199, currency: 'USD' } }],
        idempotencyKey: 'aborted-payment-0001',
      };
      const pending = adapter.payInvoice(request, { signal: controller.signal });
      setTimeout(() => controller.abort('the element went away'), 10);
      expect((await abortError(pending)).name).to.equal('AbortError');
      expect((await adapter.getInvoice({ id: 'inv_ada_1009' })).amountPaid.amount).to.equal(0);
    });

    it('passes a timeout signal’s TimeoutError on, which PortalError maps to timeout', async () => {
      const adapter = new MemoryAdapter({ today: TODAY, latencyMs: 200 });
      const error = await abortError(adapter.getSettings({ signal: AbortSignal.timeout(10) }));
      expect(error.name).to.equal('TimeoutError');
    });
  });

  describe('invoice PDF', () => {
    it('is a real PDF 1.4 document with correct cross-reference offsets', async () => {
      const adapter = await signedIn();
      const link = await adapter.getInvoicePdf({ id: 'inv_ada_1009' });
      expect(link.fileName).to.equal('INV-1009.pdf');
      expect(link.url).to.match(/^blob:/);
      const response = await fetch(link.url);
      expect(response.headers.get('content-type')).to.equal('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      URL.revokeObjectURL(link.url);
      const text = String.fromCharCode(...bytes);
      expect(text.startsWith('%PDF-1.4\n')).to.equal(true);
      expect(text.trimEnd().endsWith('%%EOF')).to.equal(true);

      const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
      expect(text.slice(startxref, startxref + 5)).to.equal('xref\n');
      const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
      expect(Number(first)).to.equal(0);
      const table = text.slice(startxref + `xref\n0 ${count}\n`.length).split('\n');
      expect(table[0]).to.equal('0000000000 65535 f ');
      for (let id = 1; id < Number(count); id += 1) {
        const [offset, , kind] = table[id].split(' ');
        expect(kind).to.equal('n');
        expect(text.slice(Number(offset)).startsWith(`${id} 0 obj\n`), `object ${id}`).to.equal(true);
      }
      expect(text).to.match(new RegExp(`/Size ${count} /Root 1 0 R`));

      const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
      expect(Number(stream?.[1])).to.equal(stream?.[2].length);
      for (const expected of [
        '(Invoice INV-1009)',
        `(Issued: ${addDays(TODAY, -3)})`,
        '($71.99)',
        '(Burr grinder',
      ]) {
        expect(text).to.include(expected);
      }
    });

    it('opens in a PDF library, WinAnsi characters included', async () => {
      // @ts-expect-error -- pdf-lib's browser ESM bundle ships without types; its package types describe it
      const pdfLib = (await import('pdf-lib/dist/pdf-lib.esm.js')) as typeof import('pdf-lib');
      const adapter = await signedIn();
      const link = await adapter.getInvoicePdf({ id: 'inv_ada_1003' });
      const bytes = new Uint8Array(await (await fetch(link.url)).arrayBuffer());
      const document = await pdfLib.PDFDocument.load(bytes);
      expect(document.getPageCount()).to.equal(1);
      const text = String.fromCharCode(...bytes);
      expect(text).to.include('(Invoice INV-1003)');
      // "Visa •••• 4242": the bullets are WinAnsi 0x95, not question marks.
      expect(text).to.include('(Visa \x95\x95\x95\x95 4242)');
    });
  });

  describe('clock-driven expiry', () => {
    it('accepts a magic link for 10 minutes only', async () => {
      const clock = manualClock();
      const adapter = new MemoryAdapter({ today: TODAY, now: clock.now });
      await adapter.requestMagicLink({ email: 'grace@example.net' });
      const stale = tokenIn(adapter, 'portal-magic-token');
      clock.advance(10 * 60_000 + 1000);
      expect((await failure(adapter.verifyMagicLink({ token: stale }))).code).to.equal('unauthorized');
      await adapter.requestMagicLink({ email: 'grace@example.net' });
      const fresh = tokenIn(adapter, 'portal-magic-token');
      clock.advance(9 * 60_000);
      const session = await adapter.verifyMagicLink({ token: fresh });
      expect(session.method).to.equal('magic_link');
    });

    it('accepts a reset link for an hour and a password-change challenge for 10 minutes', async () => {
      const clock = manualClock();
      const adapter = new MemoryAdapter({ today: TODAY, now: clock.now });
      await adapter.requestPasswordReset({ email: 'ada@example.com' });
      const token = tokenIn(adapter, 'portal-reset-token');
      clock.advance(61 * 60_000);
      const expired = await failure(adapter.resetPassword({ token, newPassword: 'a-new-password' }));
      expect(expired.code).to.equal('unauthorized');

      const result = await adapter.signIn({ email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
      if (result.status !== 'password_change_required') throw new Error('expected a challenge');
      clock.advance(11 * 60_000);
      const late = await failure(
        adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'a-new-password' }),
      );
      expect(late.code).to.equal('unauthorized');
    });

    it('lifts a failed-attempt lockout after 15 minutes and ends sessions after 12 hours', async () => {
      const clock = manualClock();
      const adapter = new MemoryAdapter({ today: TODAY, now: clock.now });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await failure(adapter.signIn({ ...ADA, password: 'wrong-password' }));
      }
      const limited = await failure(adapter.signIn(ADA));
      expect(limited.code).to.equal('rate_limited');
      expect(limited.retryAfterSeconds).to.equal(900);
      clock.advance(5 * 60_000);
      expect((await failure(adapter.signIn(ADA))).retryAfterSeconds).to.equal(600);
      clock.advance(10 * 60_000);
      const result = await adapter.signIn(ADA);
      expect(result.status).to.equal('signed_in');
      clock.advance(12 * 60 * 60_000 - 1000);
      expect(await adapter.getSession(), 'still signed in just before 12 hours').not.to.equal(null);
      clock.advance(1000);
      expect(await adapter.getSession()).to.equal(null);
      expect((await failure(adapter.getCustomer())).code).to.equal('unauthorized');
    });

    it('forgets failures older than the window', async () => {
      const clock = manualClock();
      const adapter = new MemoryAdapter({ today: TODAY, now: clock.now });
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await failure(adapter.signIn({ ...ADA, password: 'wrong-password' }));
      }
      clock.advance(16 * 60_000);
      await failure(adapter.signIn({ ...ADA, password: 'wrong-password' }));
      expect((await adapter.signIn(ADA)).status).to.equal('signed_in');
    });
  });

  describe('emails and links', () => {
    it('points links at linkBase, or at a return URL on the same origin only', async () => {
      const adapter = new MemoryAdapter({ today: TODAY, linkBase: 'https://shop.example/account' });
      await adapter.requestMagicLink({ email: 'Grace@Example.net' });
      const [message] = adapter.outbox;
      expect(message.to).to.equal('grace@example.net');
      expect(message.subject).to.equal('Your sign-in link for Northwind Coffee Roasters');
      expect(message.text).to.match(/https:\/\/shop\.example\/account\?portal-magic-token=[\w-]{43}\n/);
      await adapter.requestPasswordReset({
        email: 'ada@example.com',
        returnUrl: 'https://shop.example/portal?tab=billing#top',
      });
      expect(adapter.outbox[1].text).to.match(
        /https:\/\/shop\.example\/portal\?tab=billing&portal-reset-token=[\w-]{43}\n/,
      );
      const foreign = await failure(
        adapter.requestMagicLink({ email: 'grace@example.net', returnUrl: 'https://evil.example/' }),
      );
      expect(foreign.code).to.equal('validation');
      expect(foreign.fieldErrors).to.deep.equal([{ path: 'returnUrl', code: 'invalid' }]);
      expect(adapter.outbox).to.have.length(2);
    });

    it('defaults linkBase to the current page without its query', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      await adapter.requestMagicLink({ email: 'grace@example.net' });
      expect(adapter.outbox[0].text).to.include(`${location.origin}${location.pathname}?portal-magic-token=`);
    });

    it('sends nothing to a locked account’s passwordless members, and a withdrawn rule stops old links', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      await adapter.requestMagicLink({ email: 'grace@example.net' });
      const token = tokenIn(adapter, 'portal-magic-token');
      adapter.lockCustomer('cus_analytical');
      expect((await failure(adapter.verifyMagicLink({ token }))).code).to.equal('account_locked');
      // A member granted on the locked account only (Grace is also granted on Ada's, which is not locked).
      await adapter.requestMagicLink({ email: 'ops@analytical.example' });
      expect(adapter.outbox).to.have.length(1);
    });
  });

  describe('merchant side', () => {
    it('locks a signed-in customer out and unlocks them with a reset email', async () => {
      const adapter = await signedIn();
      adapter.lockCustomer('cus_ada');
      expect(await adapter.getSession()).to.equal(null);
      expect((await failure(adapter.signIn(ADA))).code).to.equal('account_locked');
      adapter.unlockCustomer('cus_ada');
      expect(adapter.outbox.at(-1)?.text).to.include('Your account has been unlocked.');
      expect((await adapter.signIn(ADA)).status).to.equal('signed_in');
      expect(() => adapter.lockCustomer('cus_nobody')).to.throw(PortalError);
    });

    it('unlocks the demo locked account', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      adapter.unlockCustomer('cus_locked');
      const result = await adapter.signIn({ email: 'locked@example.com', password: DEMO_PASSWORD });
      expect(result.status).to.equal('signed_in');
    });

    it('refuses settings that break the schema', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      const settings = await adapter.getSettings();
      settings.invoices.maxSplitMethods = 0;
      let error: unknown;
      try {
        adapter.updateSettings(settings);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(PortalError);
      expect((error as PortalError).code).to.equal('validation');
      expect((await adapter.getSettings()).invoices.maxSplitMethods).to.equal(4);
    });

    it('emails the merchant the reason and comment of a cancellation', async () => {
      const adapter = await signedIn();
      await adapter.cancelSubscription({
        subscriptionId: 'sub_ada_roasters',
        when: 'period_end',
        reason: 'switched_service',
        comment: 'Moved to a local roaster.',
      });
      const message = adapter.outbox.at(-1);
      expect(message?.to).to.equal('support@northwind.example');
      expect(message?.text).to.include('Reason: I found another roaster (switched_service)');
      expect(message?.text).to.include('Comment: Moved to a local roaster.');
    });
  });

  describe('billing behaviour', () => {
    it('charges the first period when subscribing, and refuses when that payment is declined', async () => {
      const adapter = await signedIn();
      const subscription = await adapter.subscribe({
        planId: 'plan_roasters_choice',
        quantity: 3,
        idempotencyKey: 'subscribe-roasters-01',
      });
      expect(subscription.status).to.equal('active');
      const [first] = (await adapter.listInvoices({ limit: 1 })).items;
      expect(first.number).to.equal('INV-1010');
      expect(first.status).to.equal('paid');
      expect(first.total).to.deep.equal({ amount: 7200, currency: 'USD' });

      adapter.updateSettings({
        ...(await adapter.getSettings()),
        paymentMethods: { ...(await adapter.getSettings()).paymentMethods, verifyNewCards: false },
      });
      const declined = await adapter.addCard({ token: 'tok_visa_declined_122030' });
      const count = (await adapter.listSubscriptions()).length;
      const error = await failure(
        adapter.subscribe({
          planId: 'plan_office_weekly',
          quantity: 1,
          paymentMethodId: declined.id,
          idempotencyKey: 'subscribe-office-01',
        }),
      );
      expect(error.code).to.equal('payment_declined');
      expect((await adapter.listSubscriptions()).length).to.equal(count);
      expect((await adapter.listInvoices({ limit: 1 })).items[0].number).to.equal('INV-1010');
      const retried = await adapter.subscribe({
        planId: 'plan_office_weekly',
        quantity: 1,
        idempotencyKey: 'subscribe-office-01',
      });
      expect(retried.status).to.equal('active');
      expect((await adapter.listInvoices({ limit: 1 })).items[0].number).to.equal('INV-1011');
    });

    it('invoices a prorated upgrade and records no charge for a trial', async () => {
      const adapter = await signedIn();
      const preview = await adapter.previewSubscriptionChange({
        subscriptionId: 'sub_ada_roasters',
        planId: 'plan_roasters_choice',
        quantity: 4,
      });
      // 12 of 30 days left, two more bags at 24.00: 48.00 × 12 / 30 = 19.20 (96.00 charged, 48.00 credited).
      expect(preview.dueToday).to.deep.equal({ amount: 1920, currency: 'USD' });
      expect(preview.charge.amount - preview.credit.amount).to.equal(1920);
      await adapter.changeSubscription({
        subscriptionId: 'sub_ada_roasters',
        quoteId: preview.quoteId,
        idempotencyKey: 'upgrade-roasters-01',
      });
      const [latest] = (await adapter.listInvoices({ limit: 1 })).items;
      expect(latest.total.amount).to.equal(1920);
      expect(latest.status).to.equal('paid');
      const trial = await adapter.previewSubscriptionChange({
        subscriptionId: 'sub_ada_espresso',
        planId: 'plan_espresso_club',
        quantity: 3,
      });
      expect(trial.dueToday.amount).to.equal(0);
    });

    it('offers no plans while subscription self-service is off', async () => {
      const adapter = await signedIn();
      expect(await adapter.listPlans()).to.have.length(3);
      const settings = await adapter.getSettings();
      adapter.updateSettings({ ...settings, subscriptions: { ...settings.subscriptions, enabled: false } });
      expect(await adapter.listPlans()).to.deep.equal([]);
      expect(await adapter.listSubscriptions()).to.have.length(2);
    });

    it('keeps the label of a removed card on the payments it made', async () => {
      const adapter = await signedIn();
      await adapter.setDefaultPaymentMethod({ id: 'pm_ada_visa' });
      await adapter.removePaymentMethod({ id: 'pm_ada_mastercard' });
      const invoice = await adapter.getInvoice({ id: 'inv_ada_1003' });
      expect(invoice.payments.map((payment) => payment.methodLabel)).to.deep.equal([
        'Visa •••• 4242',
        'Mastercard •••• 4444',
      ]);
    });

    it('declines an expired card at the gateway', async () => {
      const data = createDemoData(TODAY);
      const visa = data.paymentMethods.find((method) => method.id === 'pm_ada_visa');
      if (visa?.type !== 'card') throw new Error('demo data changed');
      visa.expYear = 2020;
      const adapter = new MemoryAdapter({ today: TODAY, data });
      await adapter.signIn(ADA);
      const receipt = await adapter.payInvoice({
        invoiceId: 'inv_ada_1009',
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 7199, currency: 'USD' } }],
        idempotencyKey: 'expired-card-000001',
      });
      expect(receipt.status).to.equal('failed');
      expect((await failure(adapter.setDefaultPaymentMethod({ id: 'pm_ada_visa' }))).code).to.equal(
        'conflict',
      );
    });

    it('refuses a sign-up card that fails verification, and an expired card token', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      const base = {
        email: 'herschel@example.com',
        password: 'a-good-password',
        name: 'Caroline Herschel',
        billingAddress: { line1: '19 New King Street', city: 'Bath', country: 'GB' },
      };
      const declined = await failure(adapter.signUp({ ...base, cardToken: 'tok_visa_declined_122030' }));
      expect(declined.code).to.equal('payment_declined');
      const expired = await failure(adapter.signUp({ ...base, cardToken: 'tok_visa_012020' }));
      expect(expired.fieldErrors).to.deep.equal([{ path: 'cardToken', code: 'invalid' }]);
      const session = await adapter.signUp(base);
      expect(session.customerCode).to.equal('CUST-0005');
      expect((await adapter.listPaymentMethods()).length).to.equal(0);
    });

    it('signs customer notes with the person’s address under a passwordless session', async () => {
      const adapter = new MemoryAdapter({ today: TODAY });
      await adapter.requestMagicLink({ email: 'ops@analytical.example' });
      await adapter.verifyMagicLink({ token: tokenIn(adapter, 'portal-magic-token') });
      const note = await adapter.addInvoiceNote({ id: 'inv_analytical_301', body: 'Please add our PO.' });
      expect(note.authorName).to.equal('ops@analytical.example');
    });
  });
});
