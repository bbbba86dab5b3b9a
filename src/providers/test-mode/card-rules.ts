import type { CardBrand } from '../../model/payment-method.js';
import { TEST_CARDS, type TestCard, testCardToken } from '../../rules/test-cards.js';
import type { CardFieldError, CardToken } from '../card-fields.js';

/**
 * What the test-mode card fields know about cards: brands, formatting, Luhn, expiry and CVC rules, and
 * which numbers test mode accepts. Pure functions; the frame (frame/frame.ts) is their only caller at run
 * time, so none of this reaches the portal's page.
 */

/** The test gateway's own table (rules/test-gateway.ts) is the list of numbers test mode accepts. */
export function findTestCard(digits: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.number === digits);
}

/** Cards that demand an authentication challenge (3-D Secure) before they are saved. */
export function needsChallenge(digits: string): boolean {
  return findTestCard(digits)?.challenge === true;
}

/**
 * One length per brand, the length of every test number: a longer or shorter card is not a test card, and
 * the fields can tell a wrong number the moment its last digit is typed, never while it is still typed.
 */
interface BrandRule {
  brand: CardBrand;
  prefix: RegExp;
  length: number;
  /** Digit groups as typed: 4-4-4-4 or Amex's 4-6-5. */
  groups: readonly number[];
  cvc: number;
}

const BRANDS: readonly BrandRule[] = [
  { brand: 'amex', prefix: /^3[47]/, length: 15, groups: [4, 6, 5], cvc: 4 },
  { brand: 'visa', prefix: /^4/, length: 16, groups: [4, 4, 4, 4], cvc: 3 },
  {
    brand: 'mastercard',
    prefix: /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/,
    length: 16,
    groups: [4, 4, 4, 4],
    cvc: 3,
  },
  { brand: 'discover', prefix: /^(6011|65|64[4-9])/, length: 16, groups: [4, 4, 4, 4], cvc: 3 },
];
const OTHER: BrandRule = { brand: 'other', prefix: /^/, length: 16, groups: [4, 4, 4, 4], cvc: 3 };

function ruleFor(digits: string): BrandRule | null {
  if (digits === '') return null;
  return BRANDS.find((rule) => rule.prefix.test(digits)) ?? OTHER;
}

export function brandOf(digits: string): CardBrand | null {
  return ruleFor(digits)?.brand ?? null;
}

export function onlyDigits(text: string): string {
  return text.replace(/\D/g, '');
}

/** The length of a brand's numbers: typing stops there. */
export function maxNumberLength(digits: string): number {
  return (ruleFor(digits) ?? OTHER).length;
}

/** "4242424242424242" → "4242 4242 4242 4242"; Amex "378282246310005" → "3782 822463 10005". */
export function formatNumber(digits: string): string {
  const groups = (ruleFor(digits) ?? OTHER).groups;
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** "1" → "1", "3" → "03 / ", "1230" → "12 / 30". */
export function formatExpiry(digits: string, deleting = false): string {
  const clean = /^[2-9]/.test(digits) ? `0${digits}` : digits;
  const month = clean.slice(0, 2);
  const year = clean.slice(2, 4);
  if (year !== '') return `${month} / ${year}`;
  return month.length === 2 && !deleting ? `${month} / ` : month;
}

export function cvcLength(digits: string): number {
  return (ruleFor(digits) ?? OTHER).cvc;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export interface CardInput {
  /** As typed; formatting and spaces are ignored. */
  number: string;
  expiry: string;
  cvc: string;
}

export type FieldName = 'number' | 'expiry' | 'cvc';

export interface CardCheck {
  brand: CardBrand | null;
  /** Each field's problem; an empty field is "incomplete". */
  errors: Partial<Record<FieldName, CardFieldError>>;
}

function numberError(digits: string): CardFieldError | undefined {
  const rule = ruleFor(digits);
  if (!rule || digits.length !== rule.length) return 'number_incomplete';
  if (!luhnValid(digits)) return 'number_invalid';
  if (!findTestCard(digits)) return 'number_not_test_card';
  return undefined;
}

/** `{ month, year }` from "MM / YY"; null while incomplete. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const digits = onlyDigits(text);
  if (digits.length !== 4) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

function expiryError(text: string, today: Date): CardFieldError | undefined {
  const expiry = parseExpiry(text);
  if (!expiry) return 'expiry_incomplete';
  if (expiry.month < 1 || expiry.month > 12) return 'expiry_invalid';
  // A card is good through the last day of its expiry month.
  const thisMonth = today.getFullYear() * 12 + today.getMonth();
  const cardMonth = expiry.year * 12 + (expiry.month - 1);
  if (cardMonth < thisMonth) return 'expiry_past';
  if (cardMonth > thisMonth + 12 * 20) return 'expiry_invalid';
  return undefined;
}

function cvcError(cvc: string, number: string): CardFieldError | undefined {
  const digits = onlyDigits(cvc);
  const wanted = cvcLength(onlyDigits(number));
  if (digits.length === 0 || digits.length < wanted) return 'cvc_incomplete';
  if (digits.length !== wanted) return 'cvc_invalid';
  return undefined;
}

export function checkCard(input: CardInput, today: Date): CardCheck {
  const digits = onlyDigits(input.number);
  const errors: CardCheck['errors'] = {};
  const number = numberError(digits);
  const expiry = expiryError(input.expiry, today);
  const cvc = cvcError(input.cvc, digits);
  if (number) errors.number = number;
  if (expiry) errors.expiry = expiry;
  if (cvc) errors.cvc = cvc;
  return { brand: brandOf(digits), errors };
}

/** The token the backends' `addCard` accepts for a complete, valid test card; null otherwise. */
export function tokenFor(input: CardInput, today: Date): CardToken | null {
  const check = checkCard(input, today);
  const card = findTestCard(onlyDigits(input.number));
  const expiry = parseExpiry(input.expiry);
  if (Object.keys(check.errors).length > 0 || !card || !expiry) return null;
  return {
    token: testCardToken(card, expiry.month, expiry.year),
    brand: card.brand,
    last4: card.number.slice(-4),
    expMonth: expiry.month,
    expYear: expiry.year,
  };
}
