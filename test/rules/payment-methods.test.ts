import { expect } from '@open-wc/testing';
import type { PaymentMethodRecord } from '../../src/rules/records.js';
import {
  type TokenizedCard,
  bankAccountRecord,
  cardRecord,
  checkMakeDefault,
  checkNewCard,
  checkRemove,
  checkSetDefault,
  defaultAfterRemoval,
  defaultAfterRemovalChoice,
  defaultAfterSave,
  listedMethods,
  notRemovableReason,
} from '../../src/rules/payment-methods.js';
import { refusal, settingsWith } from './helpers.js';

const TODAY = '2026-05-15';

function card(id: string, extra: Partial<PaymentMethodRecord> = {}): PaymentMethodRecord {
  return {
    id,
    customerId: 'cus_1',
    type: 'card',
    brand: 'visa',
    last4: '4242',
    expMonth: 12,
    expYear: 2030,
    holderName: 'Ada',
    verified: true,
    ...extra,
  } as PaymentMethodRecord;
}

const bank: PaymentMethodRecord = {
  id: 'pm_bank',
  customerId: 'cus_1',
  type: 'bank_account',
  last4: '6789',
  accountType: 'checking',
  holderName: 'Ada',
};

const onFile = settingsWith((s) => {
  s.paymentMethods.removeCards = true;
  s.paymentMethods.cardOnFileRequired = true;
});

describe('rules/payment-methods', () => {
  describe('removing', () => {
    it('never removes a bank account, whatever the settings', () => {
      const error = refusal(() => checkRemove(onFile, bank, [card('pm_a'), card('pm_b'), bank]));
      expect(error.code).to.equal('forbidden');
      expect(error.message).to.equal('bank accounts can only be removed by the merchant');
    });

    it('refuses cards when the merchant turned removing off', () => {
      const off = settingsWith((s) => (s.paymentMethods.removeCards = false));
      const error = refusal(() => checkRemove(off, card('pm_a'), [card('pm_a'), card('pm_b')]));
      expect(error.code).to.equal('forbidden');
      expect(error.message).to.equal('removing cards is turned off by the merchant');
    });

    it('keeps the last card when a card on file is required; a bank account does not count', () => {
      const error = refusal(() => checkRemove(onFile, card('pm_a'), [card('pm_a'), bank]));
      expect(error.code).to.equal('conflict');
      expect(error.message).to.equal('at least one card must stay on file');
      expect(() => checkRemove(onFile, card('pm_a'), [card('pm_a'), card('pm_b')])).not.to.throw();
    });

    it('removes the last card when no card on file is required', () => {
      const optional = settingsWith((s) => {
        s.paymentMethods.removeCards = true;
        s.paymentMethods.cardOnFileRequired = false;
      });
      expect(() => checkRemove(optional, card('pm_a'), [card('pm_a')])).not.to.throw();
    });

    it('passes a removed default to the next card, else another method, else none', () => {
      const a = card('pm_a');
      const b = card('pm_b');
      expect(defaultAfterRemoval('pm_a', a, [a, bank, b])).to.equal('pm_b');
      expect(defaultAfterRemoval('pm_a', a, [a, bank])).to.equal('pm_bank');
      expect(defaultAfterRemoval('pm_a', a, [a])).to.equal(undefined);
      expect(defaultAfterRemoval('pm_b', a, [a, b]), 'another default stays').to.equal('pm_b');
    });
  });

  describe('adding', () => {
    const token: TokenizedCard = {
      brand: 'visa',
      last4: '0002',
      expMonth: 1,
      expYear: 2030,
      verification: 'declined',
    };

    it('refuses a token that resolves to nothing or to an expired card', () => {
      expect(refusal(() => checkNewCard(onFile, null, TODAY)).fieldErrors).to.deep.equal([
        { path: 'token', code: 'invalid' },
      ]);
      const expired = { ...token, verification: 'succeeded' as const, expMonth: 4, expYear: 2026 };
      expect(refusal(() => checkNewCard(onFile, expired, TODAY)).code).to.equal('validation');
    });

    it('refuses a card that fails verification only when the merchant verifies new cards', () => {
      const verify = settingsWith((s) => (s.paymentMethods.verifyNewCards = true));
      expect(refusal(() => checkNewCard(verify, token, TODAY)).code).to.equal('payment_declined');
      const trusting = settingsWith((s) => (s.paymentMethods.verifyNewCards = false));
      expect(() => checkNewCard(trusting, token, TODAY)).not.to.throw();
      const record = cardRecord({
        id: 'pm_new',
        customerId: 'cus_1',
        card: token,
        holderName: 'Ada',
        settings: trusting,
      });
      expect(record).to.deep.include({ type: 'card', last4: '0002', verified: false });
    });

    it('keeps only the last four digits of a bank account', () => {
      const record = bankAccountRecord({
        id: 'pm_b',
        customerId: 'cus_1',
        account: {
          holderName: 'Ada',
          accountNumber: '000123456789',
          routingNumber: '110000000',
          accountType: 'savings',
        },
      });
      expect(record).to.deep.equal({
        id: 'pm_b',
        customerId: 'cus_1',
        type: 'bank_account',
        last4: '6789',
        accountType: 'savings',
        holderName: 'Ada',
      });
    });

    it('makes a new method the default when asked or when there was none', () => {
      expect(defaultAfterSave(undefined, bank, false)).to.equal('pm_bank');
      expect(defaultAfterSave('pm_a', bank, true)).to.equal('pm_bank');
      expect(defaultAfterSave('pm_a', bank, undefined)).to.equal('pm_a');
      const locked = settingsWith((s) => (s.profile.modifyInformation = false));
      expect(refusal(() => checkMakeDefault(locked, true)).code).to.equal('forbidden');
      expect(() => checkMakeDefault(locked, false)).not.to.throw();
    });
  });

  it('refuses an expired card as the default, but not a bank account', () => {
    expect(
      refusal(() => checkSetDefault(card('pm_old', { expMonth: 4, expYear: 2026 }), TODAY)).code,
    ).to.equal('conflict');
    expect(() => checkSetDefault(card('pm_may', { expMonth: 5, expYear: 2026 }), TODAY)).not.to.throw();
    expect(() => checkSetDefault(bank, TODAY)).not.to.throw();
  });
});

describe('rules/payment-methods: what the list says and the chosen next default', () => {
  const a = card('pm_a');
  const b = card('pm_b', { last4: '4444' });
  const customer = { defaultPaymentMethodId: 'pm_a', autoPay: true };
  const subscriptions = [
    { id: 'sub_1', planName: 'Roaster’s Choice', nextBillingDate: '2026-06-01', cancelAtPeriodEnd: false },
    { id: 'sub_2', planName: 'Espresso Club', nextBillingDate: '2026-06-01', cancelAtPeriodEnd: true },
    { id: 'sub_3', planName: 'Office Weekly', cancelAtPeriodEnd: false },
  ];

  it('gives each method whether it can be removed and why not', () => {
    expect(notRemovableReason(onFile, bank, [a, b, bank])).to.equal('bank_account');
    expect(notRemovableReason(onFile, a, [a, b, bank])).to.equal(undefined);
    expect(notRemovableReason(onFile, a, [a, bank])).to.equal('last_card_required');
    const off = settingsWith((s) => (s.paymentMethods.removeCards = false));
    expect(notRemovableReason(off, a, [a, b])).to.equal('removing_turned_off');
  });

  it('says of the default only what charges it: auto-pay and the subscriptions that renew', () => {
    const listed = listedMethods({ settings: onFile, methods: [a, bank], customer, subscriptions });
    expect(listed[0]).to.deep.include({
      id: 'pm_a',
      isDefault: true,
      removable: false,
      notRemovableReason: 'last_card_required',
      usedBy: { autoPay: true, subscriptions: [{ id: 'sub_1', planName: 'Roaster’s Choice' }] },
    });
    expect(listed[1]).to.deep.include({
      isDefault: false,
      removable: false,
      notRemovableReason: 'bank_account',
    });
    expect(listed[1]).not.to.have.property('usedBy');
    const noAutoPay = listedMethods({
      settings: onFile,
      methods: [a, b],
      customer: { ...customer, autoPay: false },
      subscriptions: [],
    });
    expect(noAutoPay[0].usedBy).to.deep.equal({ autoPay: false, subscriptions: [] });
    expect(noAutoPay[1]).to.deep.include({ removable: true });
    expect(noAutoPay[1]).not.to.have.property('notRemovableReason');
  });

  it('takes the customer’s choice of the next default only when the default is removed', () => {
    const base = { settings: onFile, currentDefault: 'pm_a', methods: [a, b, bank], today: TODAY };
    expect(defaultAfterRemovalChoice({ ...base, removed: a, chosenId: 'pm_bank' })).to.equal('pm_bank');
    expect(defaultAfterRemovalChoice({ ...base, removed: a, chosenId: undefined })).to.equal('pm_b');
    expect(defaultAfterRemovalChoice({ ...base, removed: b, chosenId: 'pm_bank' })).to.equal('pm_a');
    for (const chosenId of ['pm_a', 'pm_elsewhere']) {
      expect(
        refusal(() => defaultAfterRemovalChoice({ ...base, removed: a, chosenId })).fieldErrors,
      ).to.deep.equal([{ path: 'newDefaultId', code: 'invalid' }]);
    }
    const expired = card('pm_old', { expYear: 2025 });
    const withExpired = { ...base, methods: [a, expired] };
    expect(
      refusal(() => defaultAfterRemovalChoice({ ...withExpired, removed: a, chosenId: 'pm_old' })).code,
    ).to.equal('conflict');
    const locked = settingsWith((s) => (s.profile.modifyInformation = false));
    expect(
      refusal(() => defaultAfterRemovalChoice({ ...base, settings: locked, removed: a, chosenId: 'pm_b' }))
        .code,
    ).to.equal('forbidden');
  });
});
