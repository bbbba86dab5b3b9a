import type { BillingAccount } from '../../model/index.js';
import { deepEqual, equal, ok, rejects, show } from './assert.js';
import { type Register, GRACE } from './context.js';

/** The demo data grants grace@example.net on Analytical Engines Ltd (CUST-0002) and on Ada's (CUST-0001). */
const ANALYTICAL = 'CUST-0002';
const ADAS = 'CUST-0001';

function byCode(accounts: readonly BillingAccount[], code: string): BillingAccount {
  const found = accounts.find((account) => account.customerCode === code);
  ok(found, `listAccounts() should hold ${code}, got ${show(accounts)}`);
  return found;
}

export function accountSwitchTests(test: Register): void {
  test('lists every account a person is granted, and switches without signing out', async (t) => {
    const { adapter } = t;
    const session = await t.signInByMagicLink(GRACE);
    equal(session.customerCode, ANALYTICAL, 'a link lands on the first account a rule grants');
    equal(session.accountCount, 2, 'session.accountCount');
    const accounts = await adapter.listAccounts();
    deepEqual(
      accounts.map((account) => [account.customerCode, account.current]),
      [
        [ANALYTICAL, true],
        [ADAS, false],
      ],
      'listAccounts(): code and which one is current',
    );
    const theirs = await t.invoices();
    ok(theirs.length > 0, 'Analytical Engines has invoices');

    const switched = await adapter.switchAccount({ customerId: byCode(accounts, ADAS).customerId });
    equal(switched.customerCode, ADAS, 'switchAccount() answers the session on the chosen account');
    equal(switched.email, GRACE, 'the person is still Grace');
    equal((await adapter.getSession())?.customerCode, ADAS, 'getSession() after the switch');
    equal((await adapter.getCustomer()).code, ADAS, 'getCustomer() is the chosen account');
    const adas = await t.invoices();
    ok(adas.length > 0, 'Ada has invoices');
    const theirIds = new Set(theirs.map((invoice) => invoice.id));
    deepEqual(
      adas.filter((invoice) => theirIds.has(invoice.id)).map((invoice) => invoice.number),
      [],
      'no invoice of the previous account is listed after the switch',
    );
    await rejects(
      adapter.getInvoice({ id: theirs[0].id }),
      'not_found',
      'getInvoice of the previous account',
    );
    deepEqual(
      (await adapter.listAccounts()).map((account) => [account.customerCode, account.current]),
      [
        [ANALYTICAL, false],
        [ADAS, true],
      ],
      'listAccounts() after the switch',
    );
  });

  test('refuses accounts the person is not granted (not_found) and stays where it was', async (t) => {
    const { adapter } = t;
    await rejects(adapter.listAccounts(), 'unauthorized', 'listAccounts signed out');
    await rejects(
      adapter.switchAccount({ customerId: 'cus_ada' }),
      'unauthorized',
      'switchAccount signed out',
    );
    const session = await t.signInAda();
    equal(session.accountCount, undefined, 'one account: no accountCount');
    const own = await adapter.listAccounts();
    deepEqual(
      own.map((account) => [account.customerCode, account.current]),
      [[ADAS, true]],
      'Ada reaches her own account only',
    );
    await adapter.signOut();
    await t.signInByMagicLink(GRACE);
    const granted = await adapter.listAccounts();
    const grantedIds = new Set(granted.map((account) => account.customerId));
    await rejects(adapter.switchAccount({ customerId: 'cus_unknown_account' }), 'not_found', 'an unknown id');
    await adapter.signOut();
    await t.signInAda();
    for (const account of granted) {
      if (account.customerCode === ADAS) continue;
      await rejects(
        adapter.switchAccount({ customerId: account.customerId }),
        'not_found',
        `Ada switching to ${account.customerCode}`,
      );
    }
    equal(
      (await adapter.getSession())?.customerCode,
      ADAS,
      'a refused switch leaves the session where it was',
    );
    ok(grantedIds.size === 2, 'Grace was granted two accounts');
  });
}
