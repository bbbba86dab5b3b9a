import type { Address, SignUp } from '../../model/index.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { OPERATION_NAMES, operations } from '../../contract/operations.js';
import { DEMO_PASSWORD, DEMO_TEMPORARY_PASSWORD } from '../demo/demo-data.js';
import { ConformanceError, equal, hasFieldError, ok, rejects, show } from './assert.js';
import {
  ADA,
  CARD_YEAR,
  FORGED_TOKEN,
  GRACE,
  LOCKED,
  NEW_CUSTOMER,
  NEW_PASSWORD,
  type Register,
  WRONG_PASSWORD,
  idempotencyKey,
  tokenFromOutbox,
} from './context.js';

const NOBODY = 'nobody-here@example.com';

/** A valid request for every method that needs a session, so that only the missing session is wrong. */
function signedOutCalls(): Record<string, (adapter: PortalAdapter) => Promise<unknown>> {
  const ref = { id: 'inv_ada_1009' };
  return {
    changePassword: (a) => a.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }),
    getCustomer: (a) => a.getCustomer(),
    updateProfile: (a) => a.updateProfile({ phone: '+1 503 555 0199' }),
    updateTaxIds: (a) => a.updateTaxIds({ poNumber: 'PO-1' }),
    requestEmailChange: (a) => a.requestEmailChange({ newEmail: 'ada.king@example.com' }),
    getBillingSummary: (a) => a.getBillingSummary(),
    listInvoices: (a) => a.listInvoices({}),
    getInvoice: (a) => a.getInvoice(ref),
    addInvoiceNote: (a) => a.addInvoiceNote({ ...ref, body: 'Hello' }),
    getInvoicePdf: (a) => a.getInvoicePdf(ref),
    payInvoice: (a) =>
      a.payInvoice({
        invoiceId: ref.id,
        allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 100, currency: 'USD' } }],
        idempotencyKey: idempotencyKey(),
      }),
    listPaymentMethods: (a) => a.listPaymentMethods(),
    addCard: (a) => a.addCard({ token: `tok_visa_12${CARD_YEAR}` }),
    addBankAccount: (a) =>
      a.addBankAccount({
        holderName: 'Ada Lovelace',
        routingNumber: '110000000',
        accountNumber: '000123456789',
        accountType: 'checking',
      }),
    removePaymentMethod: (a) => a.removePaymentMethod({ id: 'pm_ada_mastercard' }),
    setDefaultPaymentMethod: (a) => a.setDefaultPaymentMethod({ id: 'pm_ada_mastercard' }),
    listSubscriptions: (a) => a.listSubscriptions(),
    listPlans: (a) => a.listPlans(),
    subscribe: (a) =>
      a.subscribe({ planId: 'plan_roasters_choice', quantity: 1, idempotencyKey: idempotencyKey() }),
    previewSubscriptionChange: (a) =>
      a.previewSubscriptionChange({
        subscriptionId: 'sub_ada_roasters',
        planId: 'plan_roasters_choice',
        quantity: 3,
      }),
    changeSubscription: (a) =>
      a.changeSubscription({
        subscriptionId: 'sub_ada_roasters',
        quoteId: 'quote_unknown',
        idempotencyKey: idempotencyKey(),
      }),
    cancelSubscription: (a) =>
      a.cancelSubscription({ subscriptionId: 'sub_ada_roasters', when: 'immediately', reason: 'unused' }),
    undoCancelSubscription: (a) => a.undoCancelSubscription({ subscriptionId: 'sub_ada_roasters' }),
    acceptRetentionOffer: (a) => a.acceptRetentionOffer({ subscriptionId: 'sub_ada_roasters' }),
    withdrawSubscriptionChange: (a) => a.withdrawSubscriptionChange({ subscriptionId: 'sub_ada_roasters' }),
    pauseSubscription: (a) =>
      a.pauseSubscription({ subscriptionId: 'sub_ada_roasters', resumeOn: '2099-01-01' }),
    resumeSubscription: (a) => a.resumeSubscription({ subscriptionId: 'sub_ada_roasters' }),
    getIntentOutcome: (a) => a.getIntentOutcome({ idempotencyKey: idempotencyKey() }),
    createQuickOrderToken: (a) => a.createQuickOrderToken(),
    listAccounts: (a) => a.listAccounts(),
    switchAccount: (a) => a.switchAccount({ customerId: 'cus_ada' }),
  };
}

const ADDRESS: Address = { line1: '1 Market Street', city: 'Portland', postalCode: '97201', country: 'US' };

export function authTests(test: Register): void {
  test('starts signed out, with settings and pages readable', async ({ adapter }) => {
    equal(await adapter.getSession(), null, 'getSession() of a fresh adapter');
    const settings = await adapter.getSettings();
    equal(settings.branding.merchantName, 'Northwind Coffee Roasters', 'settings.branding.merchantName');
    ok((await adapter.listPages()).length > 0, 'listPages() lists the merchant’s pages before sign-in');
  });

  test('refuses every customer method while signed out (unauthorized)', async (t) => {
    const calls = signedOutCalls();
    const needSession = OPERATION_NAMES.filter((name) => !('public' in operations[name]));
    for (const name of needSession) {
      const call = calls[name];
      if (!call) throw new ConformanceError(`the suite has no signed-out request for ${name}`);
      await rejects(call(t.adapter), 'unauthorized', `${name} while signed out`);
    }
    await t.signInAda();
    const invoice = await t.adapter.getInvoice({ id: 'inv_ada_1009' });
    equal(invoice.payments.length, 0, 'the signed-out payInvoice charged nothing');
    equal(
      (await t.adapter.getCustomer()).phone,
      '+1 503 555 0100',
      'the signed-out updateProfile changed nothing',
    );
  });

  test('signs in with a password (email case-insensitive) and out again', async (t) => {
    const { adapter } = t;
    const result = await adapter.signIn({ email: 'Ada@Example.COM', password: DEMO_PASSWORD });
    ok(result.status === 'signed_in', `signIn should open a session, got ${show(result)}`);
    equal(result.session.customerCode, 'CUST-0001', 'session.customerCode');
    equal(result.session.email, ADA, 'session.email');
    equal(result.session.method, 'password', 'session.method');
    ok(Date.parse(result.session.expiresAt) > Date.now(), 'session.expiresAt is in the future');
    equal((await adapter.getSession())?.customerId, result.session.customerId, 'getSession() after sign-in');
    const customer = await adapter.getCustomer();
    equal(customer.name, 'Ada Lovelace', 'getCustomer().name');
    equal(customer.currency, 'USD', 'getCustomer().currency');
    await adapter.signOut();
    equal(await adapter.getSession(), null, 'getSession() after signOut');
    await rejects(adapter.getCustomer(), 'unauthorized', 'getCustomer after signOut');
    await adapter.signOut();
  });

  test('answers a wrong password and an unknown address the same way', async ({ adapter }) => {
    const wrong = await rejects(
      adapter.signIn({ email: ADA, password: WRONG_PASSWORD }),
      'unauthorized',
      'wrong password',
    );
    const unknown = await rejects(
      adapter.signIn({ email: NOBODY, password: WRONG_PASSWORD }),
      'unauthorized',
      'unknown address',
    );
    equal(unknown.message, wrong.message, 'the message for an unknown address and for a wrong password');
    const passwordless = await rejects(
      adapter.signIn({ email: 'accounts@analytical.example', password: WRONG_PASSWORD }),
      'unauthorized',
      'an account without a password',
    );
    equal(passwordless.message, wrong.message, 'the message for an account without a password');
  });

  test('rate limits an address after five failed attempts, whether or not it has an account', async (t) => {
    const { adapter } = t;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await rejects(
        adapter.signIn({ email: NOBODY, password: WRONG_PASSWORD }),
        'unauthorized',
        `attempt ${attempt}`,
      );
    }
    const limited = await rejects(
      adapter.signIn({ email: NOBODY, password: WRONG_PASSWORD }),
      'rate_limited',
      'a sixth attempt for an unknown address',
    );
    const seconds = limited.retryAfterSeconds ?? 0;
    ok(seconds > 0 && seconds <= 15 * 60, `retryAfterSeconds within 15 minutes, got ${seconds}`);
    await t.signInAda();
    await adapter.signOut();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await rejects(
        adapter.signIn({ email: ADA, password: WRONG_PASSWORD }),
        'unauthorized',
        `Ada attempt ${attempt}`,
      );
    }
    await rejects(
      adapter.signIn({ email: ADA, password: DEMO_PASSWORD }),
      'rate_limited',
      'the right password during a lockout',
    );
    equal(await adapter.getSession(), null, 'no session during a lockout');
  });

  test('reports a locked account only once the right password is given', async ({ adapter }) => {
    const reference = await rejects(
      adapter.signIn({ email: ADA, password: WRONG_PASSWORD }),
      'unauthorized',
      'Ada',
    );
    const wrong = await rejects(
      adapter.signIn({ email: LOCKED, password: WRONG_PASSWORD }),
      'unauthorized',
      'a locked account with a wrong password',
    );
    equal(wrong.message, reference.message, 'a locked account with a wrong password answers like any other');
    await rejects(
      adapter.signIn({ email: LOCKED, password: DEMO_PASSWORD }),
      'account_locked',
      'a locked account with the right password',
    );
    equal(await adapter.getSession(), null, 'no session for a locked account');
  });

  test('makes a temporary password be replaced before the first session', async (t) => {
    const { adapter } = t;
    const result = await adapter.signIn({ email: NEW_CUSTOMER, password: DEMO_TEMPORARY_PASSWORD });
    ok(
      result.status === 'password_change_required',
      `a temporary password needs a change, got ${show(result)}`,
    );
    equal(await adapter.getSession(), null, 'no session before the password is changed');
    await rejects(
      adapter.completePasswordChange({ challenge: FORGED_TOKEN, newPassword: NEW_PASSWORD }),
      'unauthorized',
      'completePasswordChange with a forged challenge',
    );
    const short = await rejects(
      adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'short' }),
      'validation',
      'a new password of five characters',
    );
    hasFieldError(short, 'newPassword');
    const session = await adapter.completePasswordChange({
      challenge: result.challenge,
      newPassword: NEW_PASSWORD,
    });
    equal(session.customerCode, 'CUST-0003', 'the session after the change');
    equal((await adapter.getSession())?.customerId, session.customerId, 'getSession() after the change');
    await adapter.signOut();
    await rejects(
      adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'another-password-1' }),
      'unauthorized',
      'the challenge used a second time',
    );
    await rejects(
      adapter.signIn({ email: NEW_CUSTOMER, password: DEMO_TEMPORARY_PASSWORD }),
      'unauthorized',
      'the temporary password after the change',
    );
    await t.signIn(NEW_CUSTOMER, NEW_PASSWORD);
  });

  test('changes the password of the signed-in customer', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const wrong = await rejects(
      adapter.changePassword({ currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD }),
      'validation',
      'changePassword with a wrong current password',
    );
    hasFieldError(wrong, 'currentPassword');
    const short = await rejects(
      adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }),
      'validation',
      'changePassword to a five-character password',
    );
    hasFieldError(short, 'newPassword');
    await adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    await adapter.signOut();
    await rejects(
      adapter.signIn({ email: ADA, password: DEMO_PASSWORD }),
      'unauthorized',
      'the old password',
    );
    await t.signIn(ADA, NEW_PASSWORD);
  });

  test('resets a forgotten password with a single-use emailed link', async (t) => {
    const { adapter, harness } = t;
    equal(await adapter.requestPasswordReset({ email: ADA }), undefined, 'requestPasswordReset resolves');
    const token = await tokenFromOutbox(harness, ADA, 'portal-reset-token');
    await rejects(
      adapter.resetPassword({ token: FORGED_TOKEN, newPassword: NEW_PASSWORD }),
      'unauthorized',
      'a forged reset token',
    );
    await adapter.resetPassword({ token, newPassword: NEW_PASSWORD });
    await rejects(
      adapter.resetPassword({ token, newPassword: 'yet-another-password' }),
      'unauthorized',
      'a reset token used twice',
    );
    await rejects(
      adapter.signIn({ email: ADA, password: DEMO_PASSWORD }),
      'unauthorized',
      'the old password',
    );
    await t.signIn(ADA, NEW_PASSWORD);
  });

  test('never lets a merchant-locked customer unlock themselves with a reset link', async (t) => {
    const { adapter, harness } = t;
    equal(await adapter.requestPasswordReset({ email: LOCKED }), undefined, 'the answer is the usual one');
    const mails = await harness.outbox(LOCKED);
    ok(mails.length > 0, 'the owner is told why no link came');
    ok(
      mails.every((mail) => !mail.text.includes('portal-reset-token=')),
      `no reset link for a locked account, got ${show(mails.map((mail) => mail.subject))}`,
    );
  });

  test('refuses a foreign return URL for known and unknown addresses alike', async (t) => {
    const { adapter, harness } = t;
    const returnUrl = 'https://evil.example/steal';
    for (const email of [ADA, NOBODY, GRACE]) {
      const reset = await rejects(
        adapter.requestPasswordReset({ email, returnUrl }),
        'validation',
        `reset for ${email}`,
      );
      hasFieldError(reset, 'returnUrl', 'invalid');
      const link = await rejects(
        adapter.requestMagicLink({ email, returnUrl }),
        'validation',
        `link for ${email}`,
      );
      hasFieldError(link, 'returnUrl', 'invalid');
    }
    equal((await harness.outbox(ADA)).length, 0, 'emails sent to Ada for refused requests');
    equal((await harness.outbox(GRACE)).length, 0, 'emails sent to Grace for refused requests');
  });

  test('ends a failed-attempt lockout with a password reset', async (t) => {
    const { adapter, harness } = t;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await rejects(
        adapter.signIn({ email: ADA, password: WRONG_PASSWORD }),
        'unauthorized',
        `attempt ${attempt}`,
      );
    }
    await rejects(
      adapter.signIn({ email: ADA, password: DEMO_PASSWORD }),
      'rate_limited',
      'during the lockout',
    );
    await adapter.requestPasswordReset({ email: ADA });
    await adapter.resetPassword({
      token: await tokenFromOutbox(harness, ADA, 'portal-reset-token'),
      newPassword: NEW_PASSWORD,
    });
    await t.signIn(ADA, NEW_PASSWORD);
  });

  test('answers magic-link and reset requests identically for known and unknown addresses', async (t) => {
    const { adapter, harness } = t;
    const answers = [
      await adapter.requestMagicLink({ email: GRACE }),
      await adapter.requestMagicLink({ email: NOBODY }),
      await adapter.requestPasswordReset({ email: ADA }),
      await adapter.requestPasswordReset({ email: NOBODY }),
    ];
    answers.forEach((answer, index) => equal(answer, undefined, `answer ${index + 1}`));
    equal((await harness.outbox(NOBODY)).length, 0, 'emails sent to an address without access');
    equal((await harness.outbox(GRACE)).length, 1, 'emails sent to grace@example.net');
    equal((await harness.outbox(ADA)).length, 1, 'emails sent to ada@example.com');
  });

  test('signs any member of analytical.example in by magic link, once per link', async (t) => {
    const { adapter } = t;
    const member = 'ops@analytical.example';
    const token = await t.magicToken(member);
    const session = await adapter.verifyMagicLink({ token });
    equal(session.customerCode, 'CUST-0002', 'the billing account of the domain rule');
    equal(session.email, member, 'session.email is the person, not the account');
    equal(session.method, 'magic_link', 'session.method');
    const customer = await adapter.getCustomer();
    equal(customer.name, 'Analytical Engines Ltd', 'getCustomer().name');
    equal(customer.currency, 'EUR', 'getCustomer().currency');
    await adapter.signOut();
    await rejects(adapter.verifyMagicLink({ token }), 'unauthorized', 'a magic link used twice');
    await rejects(adapter.verifyMagicLink({ token: FORGED_TOKEN }), 'unauthorized', 'a forged magic link');
    equal(await adapter.getSession(), null, 'no session after refused links');
  });

  test('signs grace@example.net in by magic link, and nobody else at example.net', async (t) => {
    const { adapter, harness } = t;
    const session = await t.signInByMagicLink(GRACE);
    equal(session.customerCode, 'CUST-0002', 'the billing account of the address rule');
    equal(session.email, GRACE, 'session.email');
    await adapter.signOut();
    await adapter.requestMagicLink({ email: 'someone@example.net' });
    equal((await harness.outbox('someone@example.net')).length, 0, 'emails to another example.net address');
    await adapter.requestMagicLink({ email: ADA });
    const toAda = await harness.outbox(ADA);
    ok(
      !toAda.some((message) => message.text.includes('portal-magic-token')),
      'ada@example.com has no passwordless access and gets no link',
    );
  });

  test('refuses the sign-in methods the merchant turned off (forbidden)', async (t) => {
    const { adapter } = t;
    const token = await t.magicToken(GRACE);
    await t.changeSettings((settings) => {
      settings.signIn.password = false;
      settings.signIn.magicLink = false;
    });
    await rejects(
      adapter.signIn({ email: ADA, password: DEMO_PASSWORD }),
      'forbidden',
      'password sign-in turned off',
    );
    await rejects(adapter.requestMagicLink({ email: GRACE }), 'forbidden', 'requestMagicLink turned off');
    await rejects(adapter.verifyMagicLink({ token }), 'forbidden', 'verifyMagicLink turned off');
    equal(await adapter.getSession(), null, 'no session');
  });

  test('creates accounts only when allowed, with the details the merchant requires', async (t) => {
    const { adapter } = t;
    const email = 'newcomer@example.com';
    const full: SignUp = {
      email,
      password: NEW_PASSWORD,
      name: 'Caroline Herschel',
      billingAddress: ADDRESS,
      shippingAddress: ADDRESS,
      cardToken: `tok_visa_04${CARD_YEAR}`,
      bankAccount: {
        holderName: 'Caroline Herschel',
        routingNumber: '110000000',
        accountNumber: '000111222333',
        accountType: 'checking',
      },
    };
    await t.changeSettings((settings) => {
      settings.accountCreation.enabled = false;
    });
    await rejects(adapter.signUp(full), 'forbidden', 'signUp with account creation turned off');
    await t.changeSettings((settings) => {
      settings.accountCreation.enabled = true;
      settings.accountCreation.required = {
        card: true,
        bankAccount: true,
        billingAddress: true,
        shippingAddress: true,
      };
    });
    const missing = await rejects(
      adapter.signUp({ email, password: NEW_PASSWORD, name: 'Caroline Herschel' }),
      'validation',
      'signUp without the required details',
    );
    for (const path of ['billingAddress', 'shippingAddress', 'cardToken', 'bankAccount']) {
      hasFieldError(missing, path, 'required');
    }
    const badCard = await rejects(
      adapter.signUp({ ...full, cardToken: 'tok_not_a_test_card' }),
      'validation',
      'signUp with a card token that is not one',
    );
    hasFieldError(badCard, 'cardToken');
    const taken = await rejects(
      adapter.signUp({ ...full, email: 'ADA@example.com' }),
      'validation',
      'a taken address',
    );
    hasFieldError(taken, 'email', 'taken');

    const session = await adapter.signUp(full);
    equal(session.email, email, 'session.email after sign-up');
    const customer = await adapter.getCustomer();
    equal(customer.name, 'Caroline Herschel', 'the new customer’s name');
    equal(customer.billingAddress?.line1, ADDRESS.line1, 'the new customer’s billing address');
    const methods = await adapter.listPaymentMethods();
    ok(
      methods.some((m) => m.type === 'card' && m.last4 === '4242'),
      `the sign-up card is on file, got ${show(methods)}`,
    );
    ok(
      methods.some((m) => m.type === 'bank_account' && m.last4 === '2333'),
      `the sign-up bank account is on file, got ${show(methods)}`,
    );
    equal(methods.filter((m) => m.isDefault).length, 1, 'default payment methods after sign-up');
    await adapter.signOut();
    await t.signIn(email, NEW_PASSWORD);
  });

  test('validates input before acting (validation with field errors)', async (t) => {
    const { adapter } = t;
    const email = await rejects(
      adapter.signIn({ email: 'not-an-email', password: 'x' }),
      'validation',
      'signIn with a malformed address',
    );
    hasFieldError(email, 'email');
    await t.signInAda();
    hasFieldError(
      await rejects(adapter.listInvoices({ limit: 0 }), 'validation', 'listInvoices limit 0'),
      'limit',
    );
    hasFieldError(
      await rejects(
        adapter.listInvoices({ cursor: 'not-a-cursor' }),
        'validation',
        'listInvoices with a made-up cursor',
      ),
      'cursor',
    );
    hasFieldError(
      await rejects(
        adapter.addInvoiceNote({ id: 'inv_ada_1009', body: '   ' }),
        'validation',
        'an empty note',
      ),
      'body',
    );
    const visa = await t.methodByLast4('4242');
    hasFieldError(
      await rejects(
        adapter.payInvoice({
          invoiceId: 'inv_ada_1009',
          allocations: [{ paymentMethodId: visa.id, amount: { amount: 100, currency: 'USD' } }],
          idempotencyKey: 'short',
        }),
        'validation',
        'payInvoice with a short idempotency key',
      ),
      'idempotencyKey',
    );
    hasFieldError(
      await rejects(
        adapter.updateProfile({ billingAddress: { line1: 'x', city: 'y', country: 'usa' } }),
        'validation',
        'updateProfile with a bad country',
      ),
      'billingAddress.country',
    );
    const invoice = await adapter.getInvoice({ id: 'inv_ada_1009' });
    equal(invoice.notes.length, 0, 'the refused note was not added');
  });
}
