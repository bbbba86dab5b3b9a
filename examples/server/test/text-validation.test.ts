import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PortalSettings } from '../../../src/model/index.js';
import { type ErrorReply, newKey, useTestServer } from './helpers.js';

const server = useTestServer();

/** JSON with a lone surrogate written as an escape, the way a client would send one. */
function rawJson(value: unknown): string {
  return JSON.stringify(value);
}

const NUL = '\u0000';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

describe('NUL and lone surrogates (issue 13, finding 4): refused at the field, never a 500', () => {
  for (const [what, bad] of [
    ['NUL', NUL],
    ['a lone high surrogate', LONE_HIGH],
    ['a lone low surrogate', LONE_LOW],
  ] as const) {
    it(`an invoice note with ${what} answers 400 at body and stores nothing`, async () => {
      const client = server.client();
      await client.signIn();
      const before = await server.query('SELECT id FROM invoice_notes');
      const reply = await client.request<ErrorReply>('POST', '/portal-api/invoices/inv_ada_1009/notes', {
        body: rawJson({ body: `Paid by cheque${bad} yesterday` }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(reply.status, 400, reply.text);
      assert.deepEqual(reply.body.error.fieldErrors, [{ path: 'body', code: 'invalid' }]);
      assert.equal((await server.query('SELECT id FROM invoice_notes')).length, before.length);
    });

    it(`a profile, a sign-up and the merchant's settings with ${what} answer 400 at the field`, async () => {
      const client = server.client();
      await client.signIn();
      const profile = await client.request<ErrorReply>('PATCH', '/portal-api/customer', {
        json: { company: `Lovelace${bad} Ltd` },
      });
      assert.equal(profile.status, 400, profile.text);
      assert.deepEqual(profile.body.error.fieldErrors, [{ path: 'company', code: 'invalid' }]);

      const signUp = await server.client('203.0.113.77').post<ErrorReply>('/portal-api/auth/sign-up', {
        email: 'caroline@example.com',
        password: 'a-long-password',
        name: `Caroline${bad}`,
        billingAddress: { line1: `1 Main St${bad}`, city: 'Portland', country: 'US' },
      });
      assert.equal(signUp.status, 400, signUp.text);
      assert.deepEqual(
        signUp.body.error.fieldErrors?.map((each) => each.path),
        ['name', 'billingAddress.line1'],
      );

      const current = await server.admin<PortalSettings>('GET', '/admin/settings');
      const settings = await server.admin<ErrorReply>('PUT', '/admin/settings', {
        ...current.body,
        branding: { ...current.body.branding, merchantName: `Acme${bad}` },
      });
      assert.equal(settings.status, 400, settings.text);
      assert.deepEqual(settings.body.error.fieldErrors, [{ path: 'branding.merchantName', code: 'invalid' }]);
    });
  }

  it('a NUL in a path id or a query answers 400 at that parameter', async () => {
    const client = server.client();
    await client.signIn();
    for (const [path, field] of [
      ['/portal-api/invoices/inv_ada_1009%00', 'id'],
      ['/portal-api/invoices/%00/pdf', 'id'],
      [`/portal-api/intents/${newKey()}%00`, 'idempotencyKey'],
      ['/portal-api/invoices?cursor=abc%00', 'cursor'],
    ] as const) {
      const reply = await client.get<ErrorReply>(path);
      assert.equal(reply.status, 400, `${path}: ${reply.text}`);
      assert.deepEqual(reply.body.error.fieldErrors, [{ path: field, code: 'invalid' }], path);
    }
    const removed = await client.request<ErrorReply>('DELETE', '/portal-api/payment-methods/pm%00');
    assert.equal(removed.status, 400, removed.text);
    const admin = await server.admin<ErrorReply>('POST', '/admin/customers/cus%00/lock');
    assert.equal(admin.status, 400, admin.text);
    assert.deepEqual(admin.body.error.fieldErrors, [{ path: 'customerId', code: 'invalid' }]);
  });

  it('a well-formed note with astral characters and bidi controls is still accepted as written', async () => {
    const client = server.client();
    await client.signIn();
    const body = 'Paid \u{1F4B3} \u202Eevorppa\u202C \u05E9\u05DC\u05D5\u05DD';
    const reply = await client.post<{ body: string }>('/portal-api/invoices/inv_ada_1009/notes', { body });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.body, body);
  });
});
