import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PaymentMethod, PortalSettings } from '../../../src/model/index.js';
import { STOREFRONT_CSP } from '../src/app.js';
import { allowCardFieldsFrame } from '../src/card-fields/card-fields-server.js';
import { ADA, type TestServer, useTestServer } from './helpers.js';

const server = useTestServer();

async function runDailyJobs(): Promise<number> {
  const reply = await server.admin<{ expiryReminders: number }>('POST', '/__test__/daily-jobs');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.expiryReminders;
}

async function reminders(s: TestServer, to = ADA) {
  return (await s.outbox(to)).filter((email) => email.kind === 'card_expiry_reminder');
}

describe('card expiry reminders', () => {
  // On this day the demo Mastercard (•••• 4444) expires at the end of next month: 2027-02-28.
  const SEEDED = new Date('2027-01-10T09:00:00Z');
  const REMINDER_DAY = new Date('2027-01-29T06:00:00Z');

  it('emails the customer once per card, 30 days before it expires, naming the card but not its number', async () => {
    await server.reset(SEEDED);
    assert.equal(await runDailyJobs(), 0, 'nothing is due 49 days before the expiry');
    await server.setClock(new Date('2027-01-28T23:59:00Z'));
    assert.equal(await runDailyJobs(), 0, 'nor 31 days before');

    await server.setClock(REMINDER_DAY);
    assert.equal(await runDailyJobs(), 1);
    const [email, ...more] = await reminders(server);
    assert.equal(more.length, 0);
    assert.match(email.subject, /Mastercard •••• 4444/);
    assert.match(email.text, /Mastercard •••• 4444/);
    assert.match(email.text, /02\/2027/);
    assert.doesNotMatch(`${email.subject}\n${email.text}`, /5555\s?5555\s?5555/);
    assert.ok(email.text.includes(server.url), 'the email says where to add another card');

    assert.equal(await runDailyJobs(), 0, 'the same day again');
    await server.setClock(new Date('2027-02-10T06:00:00Z'));
    assert.equal(await runDailyJobs(), 0, 'a later day');
    assert.equal((await reminders(server)).length, 1);
    assert.equal(
      (await reminders(server, 'accounts@analytical.example')).length,
      0,
      'a card far from expiry',
    );
  });

  it('sends once even when the job runs several times at once', async () => {
    await server.reset(REMINDER_DAY);
    const counts = await Promise.all([runDailyJobs(), runDailyJobs(), runDailyJobs()]);
    assert.deepEqual(
      counts.reduce((sum, each) => sum + each, 0),
      1,
    );
    assert.equal((await reminders(server)).length, 1);
  });

  it('reminds each card: a new card expiring soon gets its own, a removed card none', async () => {
    await server.reset(SEEDED);
    const ada = server.client();
    await ada.signIn();
    const added = await ada.post<PaymentMethod>('/portal-api/payment-methods/cards', {
      token: 'tok_amex_022027',
    });
    assert.equal(added.status, 200, added.text);
    const methods = await ada.get<PaymentMethod[]>('/portal-api/payment-methods');
    const mastercard = methods.body.find((method) => method.last4 === '4444');
    assert.ok(mastercard);
    const removed = await ada.request('DELETE', `/portal-api/payment-methods/${mastercard.id}`);
    assert.equal(removed.status, 204, removed.text);

    await server.setClock(REMINDER_DAY);
    assert.equal(await runDailyJobs(), 1);
    const [email] = await reminders(server);
    assert.match(email.text, /American Express •••• 0005/);
  });

  it('sends nothing when the merchant turned reminders off', async () => {
    await server.reset(SEEDED);
    await server.updateSettings((settings) => {
      settings.paymentMethods.expiryReminders = false;
    });
    await server.setClock(REMINDER_DAY);
    assert.equal(await runDailyJobs(), 0);
    assert.equal((await reminders(server)).length, 0);
  });
});

describe('where pages find the card fields', () => {
  it('the settings name the frame the server serves, whatever the stored settings say', async () => {
    const anyone = server.client();
    await server.updateSettings((settings) => {
      settings.cardFields = { provider: 'test', url: 'https://attacker.example/' };
    });
    const before = await anyone.get<PortalSettings>('/portal-api/settings');
    assert.equal(before.body.cardFields, undefined, 'no frame is served: none is named');

    server.running.app.portal.cardFieldsUrl = 'http://localhost:9001/';
    try {
      const after = await anyone.get<PortalSettings>('/portal-api/settings');
      assert.deepEqual(after.body.cardFields, { provider: 'test', url: 'http://localhost:9001/' });
    } finally {
      server.running.app.portal.cardFieldsUrl = undefined;
    }
  });

  it('the storefront may frame the card fields origin and nothing else', () => {
    assert.equal(allowCardFieldsFrame(STOREFRONT_CSP, undefined), STOREFRONT_CSP);
    const csp = allowCardFieldsFrame(STOREFRONT_CSP, 'http://localhost:9001/');
    assert.match(csp, /(^|; )frame-src http:\/\/localhost:9001(;|$)/);
    assert.match(csp, /script-src 'self'/);
  });
});
