import type { CardBrand } from '../model/payment-method.js';

/**
 * The well-known test cards (Stripe's public list) and the token format of the test-mode card fields:
 * the one list both the backends' test gateway (rules/test-gateway.ts) and the card fields frame
 * (providers/test-mode) read. It imports nothing at run time, so the frame stays small.
 */
export type TestCardOutcome = 'succeeded' | 'declined' | 'insufficient_funds' | 'processing_error';

export interface TestCard {
  number: string;
  brand: CardBrand;
  outcome: TestCardOutcome;
  /** Stem of the single-use token the test provider issues: `tok_<stem>_<MM><YYYY>`. */
  tokenStem: string;
  /** Demands an authentication challenge (3-D Secure) in the card fields before it can be saved. */
  challenge?: true;
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
  { number: '4000056655665556', brand: 'visa', outcome: 'succeeded', tokenStem: 'visa_debit' },
  {
    number: '4000002760003184',
    brand: 'visa',
    outcome: 'succeeded',
    tokenStem: 'visa_challenge',
    challenge: true,
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
