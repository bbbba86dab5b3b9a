import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  AccessLogEntry,
  AccessLogPage,
  BillingAccount,
  InvoicePage,
  Session,
} from '../../../src/model/index.js';
import { OWNER_ONLY_REFUSAL } from '../../../src/rules/account-owner.js';
import { ADA, type Client, DEMO_PASSWORD, type ErrorReply, useTestServer } from './helpers.js';

const GRACE = 'grace@example.net';
const server = useTestServer();

/** Grace signs in by link: she lands on Analytical Engines, the first account a rule grants her. */
async function graceSignsIn(): Promise<Client> {
  const client = server.client('198.51.100.7');
  await client.post('/portal-api/auth/magic-link', { email: GRACE });
  const token = await server.emailedToken(GRACE, 'portal-magic-token');
  const signedIn = await client.post<Session>('/portal-api/auth/magic-link/verify', { token });
  assert.equal(signedIn.status, 200);
  assert.equal(signedIn.body.customerCode, 'CUST-0002');
  assert.equal(signedIn.body.accountCount, 2);
  return client;
}

async function logs(): Promise<AccessLogEntry[]> {
  return (await server.admin<AccessLogPage>('GET', '/admin/access-logs?limit=20')).body.items;
}

describe('several billing accounts per person', () => {
  it('scopes every request to the account chosen, and logs the switch with it', async () => {
    const grace = await graceSignsIn();
    const listed = await grace.get<BillingAccount[]>('/portal-api/accounts');
    assert.deepEqual(
      listed.body.map((account) => `${account.customerCode} ${account.name} ${account.current}`),
      ['CUST-0002 Analytical Engines Ltd true', 'CUST-0001 Ada Lovelace false'],
    );
    const theirs = await grace.get<InvoicePage>('/portal-api/invoices?limit=100');
    assert.ok(theirs.body.items.every((invoice) => invoice.total.currency === 'EUR'));

    const switched = await grace.post<Session>('/portal-api/accounts/switch', { customerId: 'cus_ada' });
    assert.equal(switched.status, 200);
    assert.equal(switched.body.customerCode, 'CUST-0001');
    assert.equal(switched.body.email, GRACE);
    const adas = await grace.get<InvoicePage>('/portal-api/invoices?limit=100');
    assert.ok(adas.body.items.length > 0);
    assert.ok(
      adas.body.items.every((invoice) => invoice.total.currency === 'USD'),
      'Ada’s, in dollars',
    );
    assert.equal((await grace.get(`/portal-api/invoices/${theirs.body.items[0].id}`)).status, 404);

    const refused = await grace.post<ErrorReply>('/portal-api/accounts/switch', { customerId: 'cus_new' });
    assert.equal(refused.status, 404);
    assert.equal(refused.body.error.code, 'not_found');
    assert.equal((await grace.get<Session>('/portal-api/session')).body.customerCode, 'CUST-0001');

    const [failed, succeeded, signIn] = await logs();
    assert.deepEqual(
      [failed.method, failed.success, failed.customerCode, failed.reason, failed.email],
      ['account_switch', false, undefined, 'account_not_granted', GRACE],
    );
    assert.deepEqual(
      [succeeded.method, succeeded.success, succeeded.customerCode, succeeded.ip],
      ['account_switch', true, 'CUST-0001', '198.51.100.7'],
    );
    assert.deepEqual([signIn.method, signIn.success, signIn.customerCode], ['magic_link', true, 'CUST-0002']);
  });

  it('takes an account away from open sessions when the merchant withdraws the grant', async () => {
    const grace = await graceSignsIn();
    assert.equal((await grace.post('/portal-api/accounts/switch', { customerId: 'cus_ada' })).status, 200);
    assert.equal((await server.admin('DELETE', '/admin/access-rules/rule_ada_grace')).status, 204);
    const after = await grace.get<ErrorReply>('/portal-api/customer');
    assert.equal(after.status, 401, 'the session on the withdrawn account ends');
    assert.equal((await grace.get('/portal-api/session')).body, null);

    // Signing in again, she is offered the one account still granted.
    const client = server.client();
    await client.post('/portal-api/auth/magic-link', { email: GRACE });
    const token = await server.emailedToken(GRACE, 'portal-magic-token');
    const session = await client.post<Session>('/portal-api/auth/magic-link/verify', { token });
    assert.equal(session.body.accountCount, undefined);
    const listed = await client.get<BillingAccount[]>('/portal-api/accounts');
    assert.deepEqual(
      listed.body.map((account) => account.customerCode),
      ['CUST-0002'],
    );
    assert.equal(
      (await client.post('/portal-api/accounts/switch', { customerId: 'cus_ada' })).status,
      404,
      'switching re-checks the grant',
    );
  });

  it("ends the owner's sessions on every account when their credentials change", async () => {
    const granted = await server.admin('POST', '/admin/access-rules', {
      customerId: 'cus_analytical',
      kind: 'email',
      value: ADA,
    });
    assert.equal(granted.status, 200, granted.text);
    const ada = server.client();
    assert.equal((await ada.signIn()).status, 200);
    assert.equal(
      (await ada.post('/portal-api/accounts/switch', { customerId: 'cus_analytical' })).status,
      200,
    );
    const activation = await server.admin('POST', '/admin/customers/cus_ada/activation');
    assert.equal(activation.status, 204, activation.text);
    assert.equal(
      (await ada.get('/portal-api/customer')).status,
      401,
      'a session switched to another account ends too, so it cannot switch back after the new password',
    );
  });

  /** Ada changes her address from a second browser; `switched` is her other session, on Analytical. */
  async function adaChangesEmail(newEmail: string): Promise<void> {
    const own = server.client();
    assert.equal((await own.signIn()).status, 200);
    const requested = await own.post('/portal-api/customer/email-change', { newEmail });
    assert.equal(requested.status, 200, requested.text);
    const token = await server.emailedToken(newEmail, 'portal-email-token');
    const confirmed = await server.client().post('/portal-api/customer/email-change/confirm', { token });
    assert.equal(confirmed.status, 200, confirmed.text);
  }

  async function adaOnAnalytical(): Promise<Client> {
    const granted = await server.admin('POST', '/admin/access-rules', {
      customerId: 'cus_analytical',
      kind: 'email',
      value: ADA,
    });
    assert.equal(granted.status, 200, granted.text);
    const switched = server.client('198.51.100.8');
    assert.equal((await switched.signIn()).status, 200);
    const moved = await switched.post<Session>('/portal-api/accounts/switch', {
      customerId: 'cus_analytical',
    });
    assert.equal(moved.status, 200, moved.text);
    return switched;
  }

  it('moves the owner’s sessions on every account to their new address when it changes', async () => {
    const switched = await adaOnAnalytical();
    // Analytical grants its whole domain, so the new address still reaches it.
    const NEW = 'ada@analytical.example';
    await adaChangesEmail(NEW);
    const session = await switched.get<Session>('/portal-api/session');
    assert.deepEqual(
      [session.body.customerCode, session.body.email, session.body.accountCount],
      ['CUST-0002', NEW, 2],
      'the session switched to another account shows the new address',
    );
    // Someone else may now sign up with the old address: it is no longer Ada, so her session must not reach it.
    const stranger = await server.client().post<Session>('/portal-api/auth/sign-up', {
      email: ADA,
      password: 'a-long-password',
      name: 'Someone Else',
      billingAddress: { line1: '1 Main St', city: 'Portland', country: 'US' },
      cardToken: `tok_visa_05${new Date().getUTCFullYear() + 2}`,
    });
    assert.equal(stranger.status, 200, stranger.text);
    const listed = await switched.get<BillingAccount[]>('/portal-api/accounts');
    assert.deepEqual(
      listed.body.map((account) => account.customerCode),
      ['CUST-0001', 'CUST-0002'],
      'her own account (by its new address) and Analytical, not the stranger’s',
    );
    const intoTheirs = await switched.post('/portal-api/accounts/switch', {
      customerId: stranger.body.customerId,
    });
    assert.equal(intoTheirs.status, 404);
    // And a lock of her own account reaches the session wherever it is.
    assert.equal((await server.admin('POST', '/admin/customers/cus_ada/lock')).status, 200);
    assert.equal((await switched.get('/portal-api/customer')).status, 401);
  });

  it('ends a switched session whose account only the old address was granted', async () => {
    const switched = await adaOnAnalytical();
    await adaChangesEmail('ada.king@example.com');
    assert.equal(
      (await switched.get('/portal-api/customer')).status,
      401,
      'the rule names the old address; signing in with the new one would not reach Analytical either',
    );
  });

  it('keeps a merchant-minted session on its one account', async () => {
    const minted = await server.admin<{ token: string }>('POST', '/admin/session-tokens', {
      customerId: 'cus_analytical',
    });
    const client = server.client();
    client.bearer = minted.body.token;
    const listed = await client.get<BillingAccount[]>('/portal-api/accounts');
    assert.deepEqual(
      listed.body.map((account) => `${account.customerCode} ${account.current}`),
      ['CUST-0002 true'],
    );
    assert.equal((await client.post('/portal-api/accounts/switch', { customerId: 'cus_ada' })).status, 404);
  });
});

// Grace is granted Ada's account; Ada owns it: its email is her sign-in address. Only Ada may change what
// signs in to it (src/rules/account-owner.ts).
describe('the account’s sign-in belongs to its owner', () => {
  const GRACES_MAILBOX = 'grace.new@example.net';

  async function graceOnAdas(): Promise<Client> {
    const grace = await graceSignsIn();
    const switched = await grace.post('/portal-api/accounts/switch', { customerId: 'cus_ada' });
    assert.equal(switched.status, 200, switched.text);
    return grace;
  }

  function assertOwnerOnly(reply: { status: number; body: unknown; text: string }, what: string): void {
    assert.equal(reply.status, 403, `${what}: ${reply.text}`);
    const { error } = reply.body as ErrorReply;
    assert.equal(error.code, 'forbidden', what);
    assert.ok(error.message.startsWith(OWNER_ONLY_REFUSAL), `${what} says why: ${error.message}`);
  }

  it('refuses a granted person’s request to change the account’s email, and takes the owner’s', async () => {
    const grace = await graceOnAdas();
    assertOwnerOnly(
      await grace.post('/portal-api/customer/email-change', { newEmail: GRACES_MAILBOX }),
      'Grace asking to move Ada’s address',
    );
    assert.deepEqual(await server.outbox(GRACES_MAILBOX), [], 'no link went out');
    assert.deepEqual(await server.query('SELECT token_hash FROM email_change_tokens'), [], 'no link stored');
    const customer = await grace.get<{ email: string; pendingEmail?: string }>('/portal-api/customer');
    assert.deepEqual([customer.body.email, customer.body.pendingEmail], [ADA, undefined], 'nothing pending');
    // Billing details stay hers to keep up to date.
    const details = await grace.request('PUT', '/portal-api/customer/tax-ids', {
      json: { poNumber: 'PO-G1' },
    });
    assert.equal(details.status, 200, details.text);

    const ada = server.client();
    assert.equal((await ada.signIn()).status, 200);
    const own = await ada.post('/portal-api/customer/email-change', { newEmail: 'ada.king@example.com' });
    assert.equal(own.status, 200, own.text);
    const [stored] = await server.query<{ requested_by: string }>(
      'SELECT requested_by FROM email_change_tokens',
    );
    assert.equal(stored.requested_by, ADA, 'the link records who asked');
    // Grace, still on Ada's account, could open Ada's link (the link is proof enough of the mailbox).
    const token = await server.emailedToken('ada.king@example.com', 'portal-email-token');
    const confirmed = await grace.post('/portal-api/customer/email-change/confirm', { token });
    assert.equal(confirmed.status, 200, confirmed.text);
  });

  it('refuses a link whose requester is not the account’s owner, whoever opens it', async () => {
    const ada = server.client();
    assert.equal((await ada.signIn()).status, 200);
    for (const requester of [GRACE, null]) {
      await ada.post('/portal-api/customer/email-change', { newEmail: GRACES_MAILBOX });
      const token = await server.emailedToken(GRACES_MAILBOX, 'portal-email-token');
      // A link stored by someone else's request (or before requesters were recorded: none).
      await server.query('UPDATE email_change_tokens SET requested_by = $1 WHERE consumed_at IS NULL', [
        requester,
      ]);
      assertOwnerOnly(
        await server.client().post('/portal-api/customer/email-change/confirm', { token }),
        `a link requested by ${requester ?? 'nobody recorded'}`,
      );
    }
    assert.equal((await ada.get<{ email: string }>('/portal-api/customer')).body.email, ADA, 'unchanged');
  });

  it('refuses a granted person a password change before any attempt counts against the owner', async () => {
    const grace = await graceOnAdas();
    const change = (currentPassword: string) =>
      grace.request('PUT', '/portal-api/auth/password', {
        json: { currentPassword, newPassword: 'graces-password-for-ada' },
      });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      assertOwnerOnly(await change(`a-guess-number-${attempt}`), `guess ${attempt + 1}`);
    }
    assertOwnerOnly(await change(DEMO_PASSWORD), 'even with the right password');
    const ada = server.client();
    assert.equal((await ada.signIn()).status, 200, 'Ada is not locked out, and her password is hers');
  });
});
