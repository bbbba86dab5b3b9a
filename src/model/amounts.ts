import type { Money } from './money.js';

/**
 * Money's arithmetic, formatting and parsing, on integer minor units. Apart from the schemas in
 * `money.ts` (which re-exports all of it) so that code which only shows or adds up money loads no zod.
 */
const exponentCache = new Map<string, number>();

/** Minor-unit digits of a currency, taken from Intl (USD 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  let exponent = exponentCache.get(currency);
  if (exponent === undefined) {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    exponent = options.maximumFractionDigits ?? 2;
    exponentCache.set(currency, exponent);
  }
  return exponent;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`money amount must be a safe integer, got ${amount}`);
  return { amount, currency };
}

export function zero(currency: string): Money {
  return { amount: 0, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} with ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Sum of amounts in one currency; an empty list sums to zero in `currency`. */
export function sum(amounts: readonly Money[], currency: string): Money {
  return amounts.reduce((total, each) => add(total, each), zero(currency));
}

/**
 * Split `total` into `parts` integer shares that differ by at most one minor unit and add up to
 * exactly `total` (the first shares take the remainder). Never loses or invents a cent.
 */
export function splitEvenly(total: Money, parts: number): Money[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const sign = total.amount < 0 ? -1 : 1;
  const magnitude = Math.abs(total.amount);
  const base = Math.floor(magnitude / parts);
  const remainder = magnitude - base * parts;
  return Array.from({ length: parts }, (_, index) =>
    money(sign * (base + (index < remainder ? 1 : 0)) || 0, total.currency),
  );
}

/** What is left of `total` once `allocated` amounts are taken off (may be negative when over-allocated). */
export function remaining(total: Money, allocated: readonly Money[]): Money {
  return subtract(total, sum(allocated, total.currency));
}

/** Formats money for display in `locale` with the currency's own minor-unit digits. */
export function formatMoney(value: Money, locale: string): string {
  const key = `${locale}|${value.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const exponent = currencyExponent(value.currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    moneyFormats.set(key, format);
  }
  return format.format(toMajorUnits(value));
}

/** Making an Intl.NumberFormat costs far more than using one: a list of 100 rows made 200 of them. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * The amount as a decimal number of major units, for Intl formatting only. Exact for every amount a
 * person can owe: a safe integer divided by a power of ten is the nearest double to the decimal.
 */
export function toMajorUnits(value: Money): number {
  return value.amount / 10 ** currencyExponent(value.currency);
}

/** Plain decimal text for an input field in `locale`, without currency sign or grouping ("12,50" in fr). */
export function formatAmountInput(value: Money, locale: string): string {
  const exponent = currencyExponent(value.currency);
  return new Intl.NumberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(toMajorUnits(value));
}

interface NumberSymbols {
  group: string;
  decimal: string;
  /** The locale's ten digit glyphs, zero first. */
  digits: string[];
  /** Digits in the last integer group and in the groups before it (3 and 3; 3 and 2 in en-IN). */
  primaryGroup: number;
  secondaryGroup: number;
}
const symbolCache = new Map<string, NumberSymbols>();

function numberSymbols(locale: string): NumberSymbols {
  let symbols = symbolCache.get(locale);
  if (!symbols) {
    const format = new Intl.NumberFormat(locale);
    const parts = format.formatToParts(12345.6);
    const integerGroups = new Intl.NumberFormat(locale, { numberingSystem: 'latn' })
      .formatToParts(1234567890)
      .filter((part) => part.type === 'integer')
      .map((part) => part.value.length);
    symbols = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      digits: Array.from({ length: 10 }, (_, digit) => format.format(digit)),
      primaryGroup: integerGroups.at(-1) ?? 3,
      secondaryGroup: integerGroups.length > 2 ? integerGroups.at(-2)! : (integerGroups.at(-1) ?? 3),
    };
    symbolCache.set(locale, symbols);
  }
  return symbols;
}

/** Whether digit runs split by a group separator follow the locale's grouping ("1.234.567", "12,34,567"). */
function isGrouped(runs: string[], symbols: NumberSymbols): boolean {
  if (runs.length < 2) return false;
  const last = runs.length - 1;
  return runs.every((run, index) => {
    if (index === last) return run.length === symbols.primaryGroup;
    if (index === 0) return run.length >= 1 && run.length <= symbols.secondaryGroup;
    return run.length === symbols.secondaryGroup;
  });
}

export type AmountParseResult =
  { ok: true; value: Money } | { ok: false; reason: 'empty' | 'invalid' | 'precision' };

/**
 * Parses an amount typed by a customer in their locale ("1 234,56" in fr, "1,234.56" in en) into minor
 * units, by string manipulation only — no floating point ever touches the digits.
 */
export function parseAmountInput(text: string, currency: string, locale: string): AmountParseResult {
  const symbols = numberSymbols(locale);
  const { group, decimal, digits } = symbols;
  const exponent = currencyExponent(currency);
  let cleaned = text.trim().replace(/[\s\u00a0\u202f\u200e\u200f\u061c]/g, '');
  // Locales such as ar-EG write native digits; customers may type those or ASCII ones.
  cleaned = cleaned.replace(/\p{Nd}/gu, (digit) => {
    const index = digits.indexOf(digit);
    return index >= 0 ? String(index) : digit;
  });
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const marks = new Set(cleaned.replace(/\d/g, ''));
  const allowed = new Set([decimal, group, '.', ',']);
  if ([...marks].some((mark) => !allowed.has(mark))) return { ok: false, reason: 'invalid' };

  let whole: string;
  let fraction = '';
  if (marks.has(decimal)) {
    // The locale's own decimal mark: once, with only the locale's grouping before it.
    const [integerPart, fractionPart, ...rest] = cleaned.split(decimal);
    if (rest.length > 0 || /\D/.test(fractionPart)) return { ok: false, reason: 'invalid' };
    const runs = integerPart.split(group);
    if (runs.length > 1 ? !isGrouped(runs, symbols) : /\D/.test(integerPart))
      return { ok: false, reason: 'invalid' };
    whole = runs.join('');
    fraction = fractionPart;
  } else if (marks.size === 0) {
    whole = cleaned;
  } else if (marks.size === 1) {
    const [mark] = marks;
    const runs = cleaned.split(mark);
    if (mark === group && isGrouped(runs, symbols)) {
      whole = runs.join('');
    } else if (runs.length === 2 && (mark !== group || (runs[1].length >= 1 && runs[1].length <= exponent))) {
      // One dot or comma that cannot be grouping ("12.50" in es-ES, "12.5" in fr) is the decimal mark the
      // customer meant; reading it as grouping would charge a hundred times the amount.
      [whole, fraction] = runs;
    } else {
      return { ok: false, reason: 'invalid' };
    }
  } else {
    return { ok: false, reason: 'invalid' };
  }
  cleaned = fraction === '' ? whole : `${whole}.${fraction}`;
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'invalid' };
  whole = match[1];
  const significant = (match[2] ?? '').replace(/0+$/, '');
  if (significant.length > exponent) return { ok: false, reason: 'precision' };
  const minor = Number(whole + significant.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'invalid' };
  return { ok: true, value: money(minor, currency) };
}
