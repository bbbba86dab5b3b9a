import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  AccessLogPage,
  CustomerAccessPage,
  ListedAccessRule,
  PortalSettings,
} from '../../../src/model/index.js';
import { ADA, type ErrorReply, useTestServer } from './helpers.js';

const server = useTestServer();

async function insertLog(
  at: string,
  fields: { success: boolean; email: string; code?: string; reason?: string },
) {
  await server.query(
    `INSERT INTO access_logs (id, at, success, method, email, ip, customer_code, reason)
     VALUES ($1, $2, $3, 'password', $4, '198.51.100.7', $5, $6)`,
    [
      `log_${Math.random().toString(36).slice(2)}`,
      at,
      fields.success,
      fields.email,
      fields.code ?? null,
      fields.reason ?? null,
    ],
  );
}

describe('merchant lists', () => {
  it('customers: paged by code, searched by code, name or email, with their portal state', async () => {
    const all = (await server.admin<CustomerAccessPage>('GET', '/admin/customers?limit=100')).body;
    const codes = all.items.map((each) => each.customerCode);
    assert.deepEqual(codes, [...codes].sort(), 'ordered by code');
    assert.ok(codes.length >= 3);
    assert.equal(all.nextCursor, null);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page: CustomerAccessPage = (
        await server.admin<CustomerAccessPage>('GET', `/admin/customers${query}`)
      ).body;
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((each) => each.customerCode));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, codes, 'pages neither repeat nor skip');

    const byName = (await server.admin<CustomerAccessPage>('GET', '/admin/customers?search=LOVELACE')).body;
    assert.deepEqual(
      byName.items.map((each) => each.email),
      [ADA],
    );
    const byCode = (await server.admin<CustomerAccessPage>('GET', '/admin/customers?search=cust-0001')).body;
    assert.deepEqual(
      byCode.items.map((each) => each.customerId),
      ['cus_ada'],
    );
    const wildcard = (await server.admin<CustomerAccessPage>('GET', '/admin/customers?search=%25')).body;
    assert.equal(wildcard.items.length, 0, 'a % typed in the search is a literal %');

    const ada = () =>
      server.admin<CustomerAccessPage>('GET', '/admin/customers?search=ada%40').then((r) => r.body.items[0]);
    assert.equal((await ada()).state, 'active');
    assert.equal((await ada()).lastSignInAt, undefined);
    assert.equal((await server.client().signIn()).status, 200);
    assert.ok((await ada()).lastSignInAt, 'a successful sign-in counts');
    await server.admin('POST', '/admin/customers/cus_ada/lock');
    assert.equal((await ada()).state, 'locked');

    const analytical = all.items.find((each) => each.customerId === 'cus_analytical');
    assert.ok(analytical);
    await server.admin('POST', '/admin/customers/cus_analytical/activation');
    const pending = (await server.admin<CustomerAccessPage>('GET', '/admin/customers?search=analytical'))
      .body;
    assert.equal(pending.items[0].state, 'must_change_password');

    const badCursor = await server.admin<ErrorReply>('GET', '/admin/customers?cursor=nonsense');
    assert.equal(badCursor.status, 400);
    assert.equal(badCursor.body.error.fieldErrors?.[0].path, 'cursor');
  });

  it('access logs: filtered by result, customer and UTC dates, newest first and keyset-paged', async () => {
    await server.query('DELETE FROM access_logs');
    await insertLog('2026-03-01T00:00:00Z', { success: true, email: ADA, code: 'CUST-0001' });
    await insertLog('2026-03-01T23:59:59Z', {
      success: false,
      email: 'mallory@evil.example',
      reason: 'unknown_email',
    });
    await insertLog('2026-03-02T00:00:00Z', {
      success: false,
      email: ADA,
      code: 'CUST-0001',
      reason: 'wrong_password',
    });
    await insertLog('2026-03-03T12:00:00Z', { success: true, email: 'grace@example.net', code: 'CUST-0002' });
    const list = async (query: string) =>
      (await server.admin<AccessLogPage>('GET', `/admin/access-logs${query}`)).body;

    assert.deepEqual(
      (await list('')).items.map((each) => each.at),
      ['2026-03-03T12:00:00Z', '2026-03-02T00:00:00Z', '2026-03-01T23:59:59Z', '2026-03-01T00:00:00Z'],
    );
    assert.equal((await list('?result=failure')).items.length, 2);
    assert.ok((await list('?result=success')).items.every((each) => each.success));
    assert.deepEqual(
      (await list('?customer=CUST-0001')).items.map((each) => each.reason ?? 'ok'),
      ['wrong_password', 'ok'],
    );
    assert.equal((await list('?customer=EVIL')).items.length, 1, 'email contains, case-insensitive');
    assert.deepEqual(
      (await list('?from=2026-03-01&to=2026-03-01')).items.map((each) => each.at),
      ['2026-03-01T23:59:59Z', '2026-03-01T00:00:00Z'],
      'both ends of the range are whole UTC days',
    );
    assert.equal((await list('?from=2026-03-02')).items.length, 2);

    const first = await list('?limit=3');
    assert.equal(first.items.length, 3);
    assert.ok(first.nextCursor);
    await insertLog('2026-03-04T00:00:00Z', { success: true, email: ADA, code: 'CUST-0001' });
    const second = await list(`?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`);
    assert.deepEqual(
      second.items.map((each) => each.at),
      ['2026-03-01T00:00:00Z'],
      'a newer row does not shift pages',
    );
    assert.equal(second.nextCursor, null);
  });

  it('CSV export: every matching row, RFC 4180, formula injection neutralised', async () => {
    await server.query('DELETE FROM access_logs');
    await insertLog('2026-03-01T10:00:00Z', {
      success: false,
      email: '=HYPERLINK("http://evil.example","x")',
    });
    await insertLog('2026-03-01T11:00:00Z', { success: false, email: '+1, "quoted"' });
    await insertLog('2026-03-01T12:00:00Z', { success: true, email: ADA, code: 'CUST-0001' });
    await insertLog('2026-03-01T13:00:00Z', { success: false, email: '@SUM(A1)', reason: '-2+3' });
    const reply = await server.admin('GET', '/admin/access-logs.csv?result=failure');
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(reply.headers.get('content-disposition'), 'attachment; filename="access-logs.csv"');
    assert.equal(
      reply.text,
      [
        'at,result,method,email,ip,customer_code,reason',
        "2026-03-01T13:00:00Z,failure,password,'@SUM(A1),198.51.100.7,,'-2+3",
        `2026-03-01T11:00:00Z,failure,password,"'+1, ""quoted""",198.51.100.7,,`,
        `2026-03-01T10:00:00Z,failure,password,"'=HYPERLINK(""http://evil.example"",""x"")",198.51.100.7,,`,
        '',
      ].join('\r\n'),
    );
    const all = await server.admin('GET', '/admin/access-logs.csv');
    assert.equal(all.text.split('\r\n').length, 6, 'header, four rows, final line end');
  });

  it('access rules carry the code of the account they open', async () => {
    const added = await server.admin('POST', '/admin/access-rules', {
      customerId: 'cus_ada',
      kind: 'domain',
      value: 'lovelace.example',
    });
    assert.equal(added.status, 200);
    const rules = (await server.admin<ListedAccessRule[]>('GET', '/admin/access-rules')).body;
    const rule = rules.find((each) => each.value === 'lovelace.example');
    assert.equal(rule?.customerCode, 'CUST-0001');
    assert.ok(rules.every((each) => each.customerCode.length > 0));
  });

  it('settings that contradict each other are refused with field errors at the fields to change', async () => {
    const current = (await server.admin<PortalSettings>('GET', '/admin/settings')).body;
    const contradictory: PortalSettings = structuredClone(current);
    contradictory.invoices.splitPayments = true;
    contradictory.invoices.maxSplitMethods = 1;
    contradictory.paymentMethods = {
      ...contradictory.paymentMethods,
      cardOnFileRequired: true,
      addCards: false,
      removeCards: false,
    };
    const plan = contradictory.subscriptions.plans[0];
    contradictory.subscriptions.plans.push({ ...plan });
    const reply = await server.admin<ErrorReply>('PUT', '/admin/settings', contradictory);
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'validation');
    assert.deepEqual(
      reply.body.error.fieldErrors?.map((each) => `${each.path} ${each.code}`),
      [
        'invoices.maxSplitMethods invalid',
        'paymentMethods.cardOnFileRequired invalid',
        `subscriptions.plans.${contradictory.subscriptions.plans.length - 1}.planId invalid`,
      ],
    );
    assert.deepEqual(
      (await server.admin<PortalSettings>('GET', '/admin/settings')).body,
      current,
      'nothing saved',
    );
    const fine = structuredClone(current);
    fine.signIn = { password: false, magicLink: false };
    fine.invoices.payInvoices = false;
    fine.subscriptions.allowPause = false;
    fine.subscriptions.retentionOffer = { kind: 'pause' };
    assert.equal((await server.admin('PUT', '/admin/settings', fine)).status, 200, 'allowed on purpose');
  });
});
