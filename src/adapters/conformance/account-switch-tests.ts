import type { BillingAccount } from '../../model/index.js';
import { isOwnerOnlyRefusal } from '../../rules/account-owner.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { deepEqual, equal, ok, rejects, show } from './assert.js';
import { ADA, type Register, GRACE, TestContext, tokenFromOutbox } from './context.js';

/** The demo data grants grace@example.net on Analytical Engines Ltd (CUST-0002) and on Ada's (CUST-0001). */
const ANALYTICAL = 'CUST-0002';
const ADAS = 'CUST-0001';
/** Analytical Engines grants its whole domain, so these addresses reach it besides Ada's own account. */
const ADA_AT_ANALYTICAL = 'ada@analytical.example';
const ADA_KING_AT_ANALYTICAL = 'ada.king@analytical.example';

/** A mailbox of Grace's own, where she would like Ada's account's links to go. */
const GRACES_MAILBOX = 'grace.new@example.net';

/** Grace, by her link, switched to Ada's account: granted by a rule, not its owner. */
async function graceOnAdas(t: TestContext): Promise<void> {
  await t.signInByMagicLink(GRACE);
  const switched = await t.adapter.switchAccount({ customerId: 'cus_ada' });
  equal(switched.customerCode, ADAS, 'Grace switched to Ada’s account');
}

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

  test('moves the session to the new address when the person’s email changes, on whichever account', async (t) => {
    const { adapter, harness } = t;
    const changeEmail = async (newEmail: string, before?: () => Promise<unknown>) => {
      await adapter.requestEmailChange({ newEmail });
      const token = await tokenFromOutbox(harness, newEmail, 'portal-email-token');
      await before?.();
      await adapter.confirmEmailChange({ token });
    };
    await t.signInAda();
    await changeEmail(ADA_AT_ANALYTICAL);
    const own = await adapter.getSession();
    deepEqual(
      [own?.email, own?.customerCode, own?.accountCount],
      [ADA_AT_ANALYTICAL, ADAS, 2],
      'getSession() after the change: the new address, which the domain rule grants a second account',
    );
    // Requested on her own account, confirmed while the session is on Analytical.
    await changeEmail(ADA_KING_AT_ANALYTICAL, () => adapter.switchAccount({ customerId: 'cus_analytical' }));
    const switched = await adapter.getSession();
    deepEqual(
      [switched?.email, switched?.customerCode, switched?.accountCount],
      [ADA_KING_AT_ANALYTICAL, ANALYTICAL, 2],
      'getSession() of the switched session: the new address',
    );
    deepEqual(
      (await adapter.listAccounts()).map((account) => [account.customerCode, account.current]),
      [
        [ADAS, false],
        [ANALYTICAL, true],
      ],
      'listAccounts(): her own account, found by its new address, and Analytical',
    );
  });

  test('keeps the account’s sign-in its owner’s: a granted person changes neither its email nor its password', async (t) => {
    const { adapter, harness } = t;
    await graceOnAdas(t);
    const refusals = [
      ['requestEmailChange', () => adapter.requestEmailChange({ newEmail: GRACES_MAILBOX })],
      [
        'changePassword',
        () => adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'graces-now' }),
      ],
    ] as const;
    for (const [name, call] of refusals) {
      const refusal = await rejects(call(), 'forbidden', `${name} by a granted person`);
      ok(isOwnerOnlyRefusal(refusal), `${name} says only the owner may ("${refusal.message}")`);
    }
    deepEqual(await harness.outbox(GRACES_MAILBOX), [], 'no link went to Grace’s mailbox');
    const account = await adapter.getCustomer();
    deepEqual([account.email, account.pendingEmail], [ADA, undefined], 'Ada’s address, nothing pending');
    const details = await adapter.updateTaxIds({ poNumber: 'PO-GRACE' });
    equal(details.poNumber, 'PO-GRACE', 'billing details stay Grace’s to keep up to date');
    await adapter.signOut();

    // Ada asks; the link is proof of the new mailbox, so who is signed in when it is opened does not matter.
    await t.signInAda();
    await adapter.requestEmailChange({ newEmail: 'ada.king@example.com' });
    await adapter.signOut();
    await graceOnAdas(t);
    const token = await tokenFromOutbox(harness, 'ada.king@example.com', 'portal-email-token');
    equal((await adapter.confirmEmailChange({ token })).email, 'ada.king@example.com', 'Ada’s own link');
    await adapter.signOut();
    await t.signIn('ada.king@example.com', DEMO_PASSWORD);
  });

  test('a quick order token answers who asked, not only the account: the owner, or a granted person', async (t) => {
    const { adapter, harness } = t;
    await t.signInAda();
    const adas = await adapter.createQuickOrderToken();
    await adapter.signOut();
    await graceOnAdas(t);
    const gracesOnAdas = await adapter.createQuickOrderToken();
    await adapter.switchAccount({ customerId: 'cus_analytical' });
    const gracesOnAnalytical = await adapter.createQuickOrderToken();
    // A harness that cannot exchange tokens checks only that a granted person may make one.
    if (!harness.exchangeQuickOrderToken) return;
    const byOwner = await harness.exchangeQuickOrderToken(adas.token);
    deepEqual(
      [byOwner.customerCode, byOwner.email, byOwner.signedInAs],
      [ADAS, ADA, ADA],
      'Ada’s own token: her account, signed in as its owner (signedInAs equals email)',
    );
    const byGrace = await harness.exchangeQuickOrderToken(gracesOnAdas.token);
    deepEqual(
      [byGrace.customerCode, byGrace.email, byGrace.signedInAs],
      [ADAS, ADA, GRACE],
      'Grace’s token on Ada’s account: Ada’s account and address, but signed in as Grace',
    );
    const onTheirs = await harness.exchangeQuickOrderToken(gracesOnAnalytical.token);
    deepEqual(
      [onTheirs.customerCode, onTheirs.signedInAs],
      [ANALYTICAL, GRACE],
      'Grace’s token on Analytical Engines: signed in as Grace, whose address is not the account’s',
    );
    ok(onTheirs.email !== GRACE, `Analytical Engines’ email is its own, got ${onTheirs.email}`);
  });
}
