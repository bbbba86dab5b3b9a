import { expect } from '@open-wc/testing';
import type { PaymentMethodRecord } from '../../src/rules/records.js';
import { TEST_CARDS, parseTestCardToken, testCardToken } from '../../src/rules/test-cards.js';
import { resolveTestCardToken, testChargeOutcome } from '../../src/rules/test-gateway.js';

function stored(last4: string, expYear = 2030): PaymentMethodRecord {
  return {
    id: 'pm',
    customerId: 'cus',
    type: 'card',
    brand: 'visa',
    last4,
    expMonth: 12,
    expYear,
    holderName: 'Ada',
    verified: true,
  };
}

describe('rules/test-gateway', () => {
  it('round-trips every test card through its token', () => {
    for (const card of TEST_CARDS) {
      const token = testCardToken(card, 3, 2031);
      expect(parseTestCardToken(token)).to.deep.equal({
        card,
        last4: card.number.slice(-4),
        expMonth: 3,
        expYear: 2031,
      });
      expect(resolveTestCardToken(token)).to.deep.include({ brand: card.brand, verification: card.outcome });
    }
  });

  it('resolves nothing that is not a test token', () => {
    for (const token of ['tok_visa_132030', 'tok_unknown_012030', 'pm_card_visa', '']) {
      expect(resolveTestCardToken(token), token).to.equal(null);
    }
  });

  it('charges by the last four digits, declines expired cards, and lets banks pay', () => {
    expect(testChargeOutcome(stored('4242'), '2026-05-15')).to.equal('succeeded');
    expect(testChargeOutcome(stored('0002'), '2026-05-15')).to.equal('declined');
    expect(testChargeOutcome(stored('9995'), '2026-05-15')).to.equal('insufficient_funds');
    expect(testChargeOutcome(stored('0119'), '2026-05-15')).to.equal('processing_error');
    expect(testChargeOutcome(stored('4242', 2025), '2026-05-15')).to.equal('declined');
    const bank: PaymentMethodRecord = {
      id: 'pm',
      customerId: 'cus',
      type: 'bank_account',
      last4: '0002',
      accountType: 'checking',
      holderName: 'Ada',
    };
    expect(testChargeOutcome(bank, '2026-05-15')).to.equal('succeeded');
  });
});
