import { deepEqual, equal, hasFieldError, ok, rejects } from './assert.js';
import { CARD_YEAR, type Register } from './context.js';

/**
 * Payment methods on any adapter: adding cards from provider tokens (verified when the merchant asks) and
 * bank accounts (checked routing numbers), removing by the merchant's rules with the customer's choice of
 * the next default, the default itself, and what the list tells a page about each method.
 */
export function paymentMethodTests(test: Register): void {
  test('lists cards and bank accounts with exactly one default', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const methods = await adapter.listPaymentMethods();
    const visa = await t.methodByLast4('4242');
    ok(visa.type === 'card' && visa.brand === 'visa', 'the Visa ending 4242');
    const mastercard = await t.methodByLast4('4444');
    ok(mastercard.type === 'card' && mastercard.brand === 'mastercard', 'the Mastercard ending 4444');
    await t.methodByLast4('6789', 'bank_account');
    const defaults = methods.filter((method) => method.isDefault);
    equal(defaults.length, 1, 'default payment methods');
    equal(
      defaults[0].id,
      (await adapter.getCustomer()).defaultPaymentMethodId,
      'the default is the customer’s',
    );
  });

  test('adds a card from a provider token, verified, and can make it the default', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const count = (await adapter.listPaymentMethods()).length;
    const card = await adapter.addCard({ token: `tok_mastercard_09${CARD_YEAR}`, makeDefault: true });
    ok(card.type === 'card', 'addCard answers a card');
    equal(card.brand, 'mastercard', 'card.brand');
    equal(card.last4, '4444', 'card.last4');
    equal(card.expMonth, 9, 'card.expMonth');
    equal(card.expYear, CARD_YEAR, 'card.expYear');
    equal(card.verified, true, 'a card added with verification on is verified');
    equal(card.isDefault, true, 'makeDefault');
    const methods = await adapter.listPaymentMethods();
    equal(methods.length, count + 1, 'payment methods after adding a card');
    deepEqual(
      methods.filter((m) => m.isDefault).map((m) => m.id),
      [card.id],
      'the only default',
    );
    equal((await adapter.getCustomer()).defaultPaymentMethodId, card.id, 'customer.defaultPaymentMethodId');
    hasFieldError(
      await rejects(adapter.addCard({ token: 'tok_unknown' }), 'validation', 'a bad token'),
      'token',
    );
    await rejects(
      adapter.addCard({ token: `tok_visa_declined_12${CARD_YEAR}` }),
      'payment_declined',
      'a card that fails verification',
    );
    equal((await adapter.listPaymentMethods()).length, count + 1, 'refused cards are not saved');
    await t.changeSettings((settings) => {
      settings.paymentMethods.addCards = false;
    });
    await rejects(
      adapter.addCard({ token: `tok_visa_12${CARD_YEAR}` }),
      'forbidden',
      'adding cards turned off',
    );
  });

  test('adds bank accounts, which customers can never remove', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const account = {
      holderName: 'Ada Lovelace',
      routingNumber: '110000000',
      accountNumber: '000111222333',
      accountType: 'savings' as const,
    };
    const bank = await adapter.addBankAccount(account);
    ok(bank.type === 'bank_account', 'addBankAccount answers a bank account');
    equal(bank.last4, '2333', 'bank.last4');
    equal(bank.accountType, 'savings', 'bank.accountType');
    equal(bank.isDefault, false, 'a new bank account is not the default unless asked');
    await rejects(adapter.removePaymentMethod({ id: bank.id }), 'forbidden', 'removing the new bank account');
    const seeded = await t.methodByLast4('6789', 'bank_account');
    await rejects(
      adapter.removePaymentMethod({ id: seeded.id }),
      'forbidden',
      'removing the demo bank account',
    );
    hasFieldError(
      await rejects(
        adapter.addBankAccount({ ...account, routingNumber: '12' }),
        'validation',
        'a short routing number',
      ),
      'routingNumber',
    );
    await t.changeSettings((settings) => {
      settings.paymentMethods.addBankAccounts = false;
    });
    await rejects(adapter.addBankAccount(account), 'forbidden', 'adding bank accounts turned off');
  });

  test('removes cards by the merchant’s rules, moving the default', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const visa = await t.methodByLast4('4242');
    const mastercard = await t.methodByLast4('4444');
    equal(visa.isDefault, true, 'the Visa is Ada’s default');
    await t.changeSettings((settings) => {
      settings.paymentMethods.removeCards = false;
    });
    await rejects(
      adapter.removePaymentMethod({ id: mastercard.id }),
      'forbidden',
      'removing cards turned off',
    );
    await t.changeSettings((settings) => {
      settings.paymentMethods.removeCards = true;
    });
    await adapter.removePaymentMethod({ id: visa.id });
    const left = await adapter.listPaymentMethods();
    ok(!left.some((m) => m.id === visa.id), 'the removed card is gone');
    const defaults = left.filter((m) => m.isDefault);
    equal(defaults.length, 1, 'another method became the default');
    equal(
      (await adapter.getCustomer()).defaultPaymentMethodId,
      defaults[0].id,
      'customer.defaultPaymentMethodId',
    );
    await rejects(adapter.removePaymentMethod({ id: mastercard.id }), 'conflict', 'removing the last card');
    await t.changeSettings((settings) => {
      settings.paymentMethods.cardOnFileRequired = false;
    });
    await adapter.removePaymentMethod({ id: mastercard.id });
    ok(!(await adapter.listPaymentMethods()).some((m) => m.type === 'card'), 'no card is left');
    await rejects(adapter.removePaymentMethod({ id: visa.id }), 'not_found', 'removing a removed card');
    await rejects(
      adapter.removePaymentMethod({ id: others.paymentMethodId }),
      'not_found',
      'another customer’s card',
    );
    await rejects(
      adapter.setDefaultPaymentMethod({ id: others.paymentMethodId }),
      'not_found',
      'making another customer’s card the default',
    );
  });

  test('sets the default payment method, which auto-pay follows', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const mastercard = await t.methodByLast4('4444');
    const result = await adapter.setDefaultPaymentMethod({ id: mastercard.id });
    equal(result.id, mastercard.id, 'setDefaultPaymentMethod answers the method');
    equal(result.isDefault, true, 'result.isDefault');
    deepEqual(
      (await adapter.listPaymentMethods()).filter((m) => m.isDefault).map((m) => m.id),
      [mastercard.id],
      'the only default',
    );
    equal(
      (await adapter.getCustomer()).defaultPaymentMethodId,
      mastercard.id,
      'customer.defaultPaymentMethodId',
    );
    equal((await adapter.getBillingSummary()).autoPay.paymentMethodId, mastercard.id, 'auto-pay method');
    await rejects(
      adapter.setDefaultPaymentMethod({ id: 'pm_does_not_exist' }),
      'not_found',
      'an unknown method',
    );
  });

  test('adds the test provider’s debit card and, once its challenge passed, the 3-D Secure card', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const debit = await adapter.addCard({ token: `tok_visa_debit_04${CARD_YEAR}` });
    ok(debit.type === 'card', 'addCard answers a card');
    equal(debit.brand, 'visa', 'debit.brand');
    equal(debit.last4, '5556', 'debit.last4');
    equal(debit.expMonth, 4, 'debit.expMonth');
    const challenged = await adapter.addCard({ token: `tok_visa_challenge_05${CARD_YEAR}` });
    ok(challenged.type === 'card', 'addCard answers a card');
    equal(challenged.last4, '3184', 'challenged.last4');
    equal(challenged.verified, true, 'the 3-D Secure card is verified');
    const listed = (await adapter.listPaymentMethods()).map((method) => method.id);
    ok(listed.includes(debit.id) && listed.includes(challenged.id), 'both cards are listed');
    hasFieldError(
      await rejects(adapter.addCard({ token: 'tok_visa_012020' }), 'validation', 'an expired card'),
      'token',
    );
  });

  test('verifies new cards only when the merchant asks: a declined card is then refused and not saved', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const before = await adapter.listPaymentMethods();
    for (const stem of ['visa_declined', 'visa_insufficient_funds', 'visa_processing_error']) {
      await rejects(
        adapter.addCard({ token: `tok_${stem}_12${CARD_YEAR}`, makeDefault: true }),
        'payment_declined',
        `the ${stem} card fails its verification`,
      );
    }
    deepEqual(await adapter.listPaymentMethods(), before, 'nothing was saved, the default is unchanged');
    await t.changeSettings((settings) => {
      settings.paymentMethods.verifyNewCards = false;
    });
    const unverified = await adapter.addCard({ token: `tok_visa_declined_12${CARD_YEAR}` });
    ok(unverified.type === 'card', 'addCard answers a card');
    equal(unverified.verified, false, 'a card saved without verification says so');
  });

  test('refuses a routing number whose checksum fails, at the field', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const count = (await adapter.listPaymentMethods()).length;
    const account = {
      holderName: 'Ada Lovelace',
      routingNumber: '110000001',
      accountNumber: '000111222333',
      accountType: 'checking' as const,
    };
    hasFieldError(
      await rejects(adapter.addBankAccount(account), 'validation', 'a routing number with a bad checksum'),
      'routingNumber',
      'invalid',
    );
    equal((await adapter.listPaymentMethods()).length, count, 'nothing was saved');
    const saved = await adapter.addBankAccount({ ...account, routingNumber: '021000021' });
    equal(saved.type, 'bank_account', 'a valid routing number is accepted');
  });

  test('the list says why a method cannot be removed and what charges the default', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const visa = await t.methodByLast4('4242');
    const mastercard = await t.methodByLast4('4444');
    const bank = await t.methodByLast4('6789', 'bank_account');
    equal(visa.removable, true, 'the Visa can be removed while another card is on file');
    equal(mastercard.removable, true, 'the Mastercard can be removed');
    equal(bank.removable, false, 'the bank account cannot be removed');
    equal(bank.notRemovableReason, 'bank_account', 'why the bank account cannot be removed');
    deepEqual(
      visa.usedBy,
      {
        autoPay: true,
        subscriptions: (await adapter.listSubscriptions())
          .filter((each) => each.nextBillingDate !== undefined && !each.cancelAtPeriodEnd)
          .map((each) => ({ id: each.id, planName: each.planName })),
      },
      'the default is charged by auto-pay and by the renewals',
    );
    ok((visa.usedBy?.subscriptions.length ?? 0) > 0, 'Ada’s subscriptions renew on her default');
    equal(mastercard.usedBy, undefined, 'nothing charges a method that is not the default');

    await adapter.removePaymentMethod({ id: mastercard.id });
    const lastCard = await t.methodByLast4('4242');
    equal(lastCard.removable, false, 'the last card, while the merchant requires one');
    equal(lastCard.notRemovableReason, 'last_card_required', 'why the last card cannot be removed');
    await rejects(adapter.removePaymentMethod({ id: lastCard.id }), 'conflict', 'removing the last card');

    await t.changeSettings((settings) => {
      settings.paymentMethods.cardOnFileRequired = false;
      settings.paymentMethods.removeCards = false;
    });
    const turnedOff = await t.methodByLast4('4242');
    equal(turnedOff.removable, false, 'no card can be removed while removing is turned off');
    equal(turnedOff.notRemovableReason, 'removing_turned_off', 'why');
    await t.changeSettings((settings) => {
      settings.paymentMethods.removeCards = true;
    });
    const allowed = await t.methodByLast4('4242');
    equal(allowed.removable, true, 'the last card once none is required');
    equal(allowed.notRemovableReason, undefined, 'no reason is given for a removable method');
  });

  test('removing the default makes the customer’s choice the default, in the same step', async (t) => {
    const { adapter } = t;
    const others = await t.othersIds();
    await t.signInAda();
    const visa = await t.methodByLast4('4242');
    const mastercard = await t.methodByLast4('4444');
    const bank = await t.methodByLast4('6789', 'bank_account');
    for (const [newDefaultId, what] of [
      [visa.id, 'the method being removed'],
      [others.paymentMethodId, 'another customer’s method'],
      ['pm_does_not_exist', 'an unknown method'],
    ]) {
      hasFieldError(
        await rejects(
          adapter.removePaymentMethod({ id: visa.id, newDefaultId }),
          'validation',
          `choosing ${what} as the next default`,
        ),
        'newDefaultId',
      );
    }
    deepEqual(
      (await adapter.listPaymentMethods()).filter((m) => m.isDefault).map((m) => m.id),
      [visa.id],
      'a refused choice removes nothing and keeps the default',
    );
    await t.changeSettings((settings) => {
      settings.profile.modifyInformation = false;
    });
    await rejects(
      adapter.removePaymentMethod({ id: visa.id, newDefaultId: bank.id }),
      'forbidden',
      'choosing the default while changing it is turned off',
    );
    await t.changeSettings((settings) => {
      settings.profile.modifyInformation = true;
    });

    await adapter.removePaymentMethod({ id: visa.id, newDefaultId: bank.id });
    const left = await adapter.listPaymentMethods();
    ok(!left.some((m) => m.id === visa.id), 'the Visa is removed');
    deepEqual(
      left.filter((m) => m.isDefault).map((m) => m.id),
      [bank.id],
      'the chosen bank account is the default, not the next card',
    );
    equal((await adapter.getCustomer()).defaultPaymentMethodId, bank.id, 'customer.defaultPaymentMethodId');
    equal((await adapter.getBillingSummary()).autoPay.paymentMethodId, bank.id, 'auto-pay follows');

    const added = await adapter.addCard({ token: `tok_amex_06${CARD_YEAR}` });
    await adapter.removePaymentMethod({ id: added.id, newDefaultId: mastercard.id });
    deepEqual(
      (await adapter.listPaymentMethods()).filter((m) => m.isDefault).map((m) => m.id),
      [bank.id],
      'a choice made when removing a method that is not the default changes nothing',
    );
  });

  test('changing the default is refused when the merchant turned it off', async (t) => {
    const { adapter } = t;
    await t.signInAda();
    const mastercard = await t.methodByLast4('4444');
    await t.changeSettings((settings) => {
      settings.profile.modifyInformation = false;
    });
    await rejects(
      adapter.setDefaultPaymentMethod({ id: mastercard.id }),
      'forbidden',
      'changing the default turned off',
    );
    await rejects(
      adapter.addCard({ token: `tok_visa_12${CARD_YEAR}`, makeDefault: true }),
      'forbidden',
      'adding a card as the default while changing it is turned off',
    );
    equal((await t.methodByLast4('4242')).isDefault, true, 'the default is unchanged');
  });
}
