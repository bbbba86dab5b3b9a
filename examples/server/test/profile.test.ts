import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Customer, EmailChanged } from '../../../src/model/index.js';
import { ADA, type ErrorReply, useTestServer } from './helpers.js';

const server = useTestServer();
const NEW = 'ada.king@example.com';

async function signedInAda() {
  const client = server.client();
  await client.signIn();
  return client;
}

describe('profile on the reference server', () => {
  it('asks the test registry about a new VAT number: verified, not registered, or could not verify now', async () => {
    const client = await signedInAda();
    const put = (vatNumber: string) =>
      client.request<Customer>('PUT', '/portal-api/customer/tax-ids', { json: { vatNumber } });
    const verified = await put('DE123456789');
    assert.equal(verified.status, 200);
    assert.equal(verified.body.vatVerification?.status, 'verified');
    assert.equal((await put('DE123459999')).body.vatVerification?.status, 'not_registered');
    const down = await put('DE123450000');
    assert.equal(down.status, 200, 'an unreachable registry blocks nothing');
    assert.equal(down.body.vatNumber, 'DE123450000', 'and the number is saved');
    assert.equal(down.body.vatVerification?.status, 'unavailable');
    const [row] = await server.query<{ vat_status: string }>(
      "SELECT vat_status FROM customers WHERE id = 'cus_ada'",
    );
    assert.equal(row.vat_status, 'unavailable', 'the status survives in the database');
    const poOnly = await client.request<Customer>('PUT', '/portal-api/customer/tax-ids', {
      json: { poNumber: 'PO-1' },
    });
    assert.equal(
      poOnly.body.vatVerification?.status,
      'unavailable',
      'an unchanged number keeps its last check',
    );
    const malformed = await put('DE12');
    assert.equal(malformed.status, 400);
    assert.deepEqual((malformed.body as unknown as ErrorReply).error.fieldErrors, [
      { path: 'vatNumber', code: 'invalid' },
    ]);
  });

  it('stores only the hash of an email-change link, which works once and expires after an hour', async () => {
    const client = await signedInAda();
    assert.equal((await client.post('/portal-api/customer/email-change', { newEmail: NEW })).status, 200);
    const token = await server.emailedToken(NEW, 'portal-email-token');
    const stored = await server.query<{ token_hash: string }>('SELECT token_hash FROM email_change_tokens');
    assert.ok(stored.length === 1 && stored[0].token_hash !== token, 'only the hash is stored');
    await server.setClock(new Date(Date.now() + 61 * 60_000));
    const late = await server
      .client()
      .post<ErrorReply>('/portal-api/customer/email-change/confirm', { token });
    assert.equal(late.status, 400, 'an expired link');
    await server.setClock(new Date());

    await client.post('/portal-api/customer/email-change', { newEmail: NEW });
    const fresh = await server.emailedToken(NEW, 'portal-email-token');
    const confirmed = await server.client().post<EmailChanged>('/portal-api/customer/email-change/confirm', {
      token: fresh,
    });
    assert.equal(confirmed.status, 200);
    assert.deepEqual(confirmed.body, { email: NEW });
    const session = await client.get<{ email: string }>('/portal-api/session');
    assert.equal(session.body.email, NEW, 'the open session shows the new address');
    const told = await server.outbox(ADA);
    assert.ok(
      told.some((mail) => mail.text.includes(NEW)),
      'the old address is told',
    );
  });
});
