import { type AllocationOutcome, type CardBrand, isCardExpired } from '../model/index.js';
import type { TokenizedCard } from './payment-methods.js';
import type { PaymentMethodRecord } from './records.js';

/**
 * Test mode's payment gateway, written once: the well-known test cards, the tokens the test-mode card
 * fields provider issues for them, and the outcome of a charge. The reference server's TestGateway and
 * MemoryAdapter charge through it; the test-mode provider accepts only these numbers. It lives in rules/
 * (not model/) because it is backend behaviour, and rules/ is the lowest layer both can import.
 */
export type TestCardOutcome = 'succeeded' | 'declined' | 'insufficient_funds' | 'processing_error';

export interface TestCard {
  number: string;
  brand: CardBrand;
  outcome: TestCardOutcome;
  /** Stem of the single-use token the test provider issues: `tok_<stem>_<MM><YYYY>`. */
  tokenStem: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', brand: 'visa', outcome: 'succeeded', tokenStem: 'visa' },
  { number: '5555555555554444', brand: 'mastercard', outcome: 'succeeded', tokenStem: 'mastercard' },
  { number: '378282246310005', brand: 'amex', outcome: 'succeeded', tokenStem: 'amex' },
  { number: '6011111111111117', brand: 'discover', outcome: 'succeeded', tokenStem: 'discover' },
  { number: '4000000000000002', brand: 'visa', outcome: 'declined', tokenStem: 'visa_declined' },
  {
    number: '4000000000009995',
    brand: 'visa',
    outcome: 'insufficient_funds',
    tokenStem: 'visa_insufficient_funds',
  },
  {
    number: '4000000000000119',
    brand: 'visa',
    outcome: 'processing_error',
    tokenStem: 'visa_processing_error',
  },
];

export function testCardToken(card: TestCard, expMonth: number, expYear: number): string {
  return `tok_${card.tokenStem}_${String(expMonth).padStart(2, '0')}${expYear}`;
}

export interface TokenizedTestCard {
  card: TestCard;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** Reads a test-mode token back; null for anything that is not one. */
export function parseTestCardToken(token: string): TokenizedTestCard | null {
  const match = /^tok_([a-z_]+)_(\d{2})(\d{4})$/.exec(token);
  if (!match) return null;
  const card = TEST_CARDS.find((each) => each.tokenStem === match[1]);
  const expMonth = Number(match[2]);
  if (!card || expMonth < 1 || expMonth > 12) return null;
  return { card, last4: card.number.slice(-4), expMonth, expYear: Number(match[3]) };
}

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
