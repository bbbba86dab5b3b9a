import { TaxIdVerificationStatus } from '../../model/index.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { equal, hasFieldError, ok, rejects, show } from './assert.js';
import { ADA, FORGED_TOKEN, GRACE, type Register, tokenFromOutbox } from './context.js';

const EMAIL_TOKEN = 'portal-email-token';
const NEW_ADDRESS = 'ada.king@example.com';
const STATUSES: readonly string[] = TaxIdVerificationStatus.options;

/**
 * The customer's own details beyond the basic profile: VAT numbers checked per country, the two-step
 * email change, and each account's changes staying its own.
 */
export function profileTests(test: Register): void {
  test('refuses a VAT number of the wrong shape for its country at the field, and keeps the old one', async (t) => {
    const { adapter } = t;
    await t.signInByMagicLink(GRACE);
    const before = await adapter.getCustomer();
    equal(before.billingAddress?.country, 'FR', 'Analytical Engines bills to France');
    for (const vatNumber of ['FR123', 'DE12345678', 'not a number', '40303265045X']) {
      const error = await rejects(
        adapter.updateTaxIds({ vatNumber }),
        'validation',
        `VAT number ${vatNumber}`,
      );
      hasFieldError(error, 'vatNumber', 'invalid');
    }
    equal((await adapter.getCustomer()).vatNumber, before.vatNumber, 'a refused number changes nothing');
    const saved = await adapter.updateTaxIds({ vatNumber: 'de 123 456 789', poNumber: 'PO-8812' });
    equal(saved.vatNumber, 'de 123 456 789', 'a well-formed number of another country is kept as typed');
    equal(saved.poNumber, 'PO-8812', 'poNumber saved with it');
    ok(
      !saved.vatVerification || STATUSES.includes(saved.vatVerification.status),
      `vatVerification is absent or a known status, got ${show(saved.vatVerification)}`,
    );
    const cleared = await adapter.updateTaxIds({ vatNumber: '' });
    ok(!cleared.vatNumber && !cleared.vatVerification, 'clearing the number clears its verification');
  });

  test('changes the email only once the new address opens its link, and tells the old address', async (t) => {
    const { adapter, harness } = t;
    await t.signInAda();
    const pending = await adapter.requestEmailChange({ newEmail: 'Ada.King@Example.com' });
    equal(pending.email, ADA, 'the address in force is unchanged until confirmed');
    equal(pending.pendingEmail, NEW_ADDRESS, 'pendingEmail');
    equal((await adapter.getCustomer()).pendingEmail, NEW_ADDRESS, 'getCustomer().pendingEmail');
    const token = await tokenFromOutbox(harness, NEW_ADDRESS, EMAIL_TOKEN);
    const forged = await rejects(
      adapter.confirmEmailChange({ token: FORGED_TOKEN }),
      'validation',
      'forged link',
    );
    hasFieldError(forged, 'token', 'invalid');
    equal((await adapter.confirmEmailChange({ token })).email, NEW_ADDRESS, 'confirmEmailChange().email');
    const after = await adapter.getCustomer();
    equal(after.email, NEW_ADDRESS, 'getCustomer().email after confirming');
    ok(!after.pendingEmail, 'nothing pending after confirming');
    const told = await harness.outbox(ADA);
    ok(
      told.some((mail) => mail.text.includes(NEW_ADDRESS)),
      `the old address is told the new one, outbox: ${show(told.map((mail) => mail.subject))}`,
    );
    await rejects(adapter.confirmEmailChange({ token }), 'validation', 'a used link');
    await adapter.signOut();
    await rejects(adapter.signIn({ email: ADA, password: DEMO_PASSWORD }), 'unauthorized', 'the old address');
    const again = await adapter.signIn({ email: NEW_ADDRESS, password: DEMO_PASSWORD });
    ok(again.status === 'signed_in', `the new address signs in, got ${show(again)}`);
  });

  test('retires a password-reset link sent to the old address once the new one is confirmed', async (t) => {
    const { adapter, harness } = t;
    await adapter.requestPasswordReset({ email: ADA });
    const reset = await tokenFromOutbox(harness, ADA, 'portal-reset-token');
    await t.signInAda();
    await adapter.requestEmailChange({ newEmail: NEW_ADDRESS });
    await adapter.confirmEmailChange({ token: await tokenFromOutbox(harness, NEW_ADDRESS, EMAIL_TOKEN) });
    await adapter.signOut();
    await rejects(
      adapter.resetPassword({ token: reset, newPassword: 'a-password-from-the-old-mailbox' }),
      'unauthorized',
      'a reset link sent to the old address',
    );
    const again = await adapter.signIn({ email: NEW_ADDRESS, password: DEMO_PASSWORD });
    ok(again.status === 'signed_in', `the password is unchanged, got ${show(again)}`);
  });

  test('confirms an email change without a session: the link names the account', async (t) => {
    const { adapter, harness } = t;
    await t.signInAda();
    await adapter.requestEmailChange({ newEmail: NEW_ADDRESS });
    await adapter.signOut();
    const token = await tokenFromOutbox(harness, NEW_ADDRESS, EMAIL_TOKEN);
    equal((await adapter.confirmEmailChange({ token })).email, NEW_ADDRESS, 'confirmed while signed out');
  });

  test('refuses an email change to the same address or one another account uses', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    hasFieldError(
      await rejects(
        adapter.requestEmailChange({ newEmail: 'ADA@example.com' }),
        'validation',
        'same address',
      ),
      'newEmail',
      'invalid',
    );
    hasFieldError(
      await rejects(
        adapter.requestEmailChange({ newEmail: 'new@example.com' }),
        'validation',
        'another account’s address',
      ),
      'newEmail',
      'taken',
    );
    ok(!(await adapter.getCustomer()).pendingEmail, 'nothing is pending after a refusal');
  });

  test('refuses an email change, malformed or not, when modifying information is off', async (t) => {
    const { adapter } = t;
    await t.changeSettings((settings) => {
      settings.profile.modifyInformation = false;
    });
    await t.signInAda();
    await rejects(adapter.requestEmailChange({ newEmail: NEW_ADDRESS }), 'forbidden', 'requestEmailChange');
    await rejects(adapter.updateTaxIds({ vatNumber: 'FR123' }), 'forbidden', 'updateTaxIds, malformed');
    const customer = await adapter.getCustomer();
    ok(!customer.pendingEmail && !customer.vatNumber, 'nothing changed');
  });

  test('changes only the signed-in account: another customer’s details stay as they were', async (t) => {
    const { adapter } = t;
    await t.signInByMagicLink(GRACE);
    const theirs = await adapter.getCustomer();
    await adapter.signOut();
    await t.signInAda();
    await adapter.updateProfile({ company: 'Lovelace Ltd', billingContact: null });
    await adapter.updateTaxIds({ poNumber: 'PO-ADA', vatNumber: 'GB123456789' });
    await adapter.requestEmailChange({ newEmail: NEW_ADDRESS });
    const ada = await adapter.getCustomer();
    equal(ada.company, 'Lovelace Ltd', 'Ada’s company');
    ok(!ada.billingContact, 'null removes Ada’s billing contact');
    await adapter.signOut();
    await t.signInByMagicLink(GRACE);
    const after = await adapter.getCustomer();
    equal(JSON.stringify(after), JSON.stringify(theirs), 'Analytical Engines is unchanged');
  });
}
