import { type AllocationOutcome, isCardExpired } from '../model/index.js';
import { TEST_CARDS, type TestCardOutcome, parseTestCardToken } from './test-cards.js';
import type { TokenizedCard } from './payment-methods.js';
import type { PaymentMethodRecord } from './records.js';

/**
 * Test mode's payment gateway, written once: what a test-mode token resolves to and the outcome of a
 * charge, for the cards of rules/test-cards.ts. The reference server's TestGateway and MemoryAdapter
 * charge through it. It lives in rules/ (not model/) because it is backend behaviour.
 */

/** What a test-mode token resolves to, as a payment provider would answer; null for anything else. */
export function resolveTestCardToken(token: string): TokenizedCard | null {
  const parsed = parseTestCardToken(token);
  if (!parsed) return null;
  return {
    brand: parsed.card.brand,
    last4: parsed.last4,
    expMonth: parsed.expMonth,
    expYear: parsed.expYear,
    verification: parsed.card.outcome,
  };
}

/** The charge outcome for a stored card, by its last four digits; other cards succeed. */
export function testOutcomeForLast4(last4: string): TestCardOutcome {
  return TEST_CARDS.find((card) => card.number.endsWith(last4))?.outcome ?? 'succeeded';
}

/** What the test gateway answers for a charge: by the card's last four digits, expired cards are declined, banks pay. */
export function testChargeOutcome(method: PaymentMethodRecord, today: string): AllocationOutcome {
  if (method.type === 'bank_account') return 'succeeded';
  if (isCardExpired(method, today)) return 'declined';
  return testOutcomeForLast4(method.last4);
}
