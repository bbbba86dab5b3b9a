import {
  type Allocation,
  type Money,
  type PaymentMethod,
  formatAmountInput,
  money,
  parseAmountInput,
  splitEvenly,
  sum,
} from '../../model/index.js';

/**
 * What the customer is composing before they review it: typed amounts (kept as the text they typed, so
 * nothing is ever lost or reformatted under their cursor) and chosen payment methods, checked here into
 * integer-minor-unit allocations or into the reasons they cannot be sent yet.
 */

/** One part of a split payment, as typed. `key` stays with the row when others are removed. */
export interface SplitRow {
  key: number;
  methodId: string;
  amountText: string;
}

/** Everything the customer has chosen or typed on the form. */
export interface PayValues {
  amountMode: 'full' | 'part';
  /** The partial amount exactly as typed. */
  partText: string;
  /** The chosen method; null means the default (or the first that can pay). */
  methodId: string | null;
  splitting: boolean;
  /** The split's rows; kept while the customer pays with one method, so the split comes back as it was. */
  rows: readonly SplitRow[];
}

/**
 * The `methodId` of "A new card": the card is typed in the provider's fields, saved when the customer
 * pays, and the payment then goes to the saved card's id. Never sent to the backend.
 */
export const NEW_CARD = 'new-card';

/** A form with nothing typed: the amount due, with `methodId` (or the default method). */
export function freshValues(methodId: string | null = null): PayValues {
  return { amountMode: 'full', partText: '', methodId, splitting: false, rows: [] };
}

/** The method of a one-method payment: the one chosen if it can pay, else the default, else the first. */
export function chosenMethod(
  usable: readonly PaymentMethod[],
  methodId: string | null,
): PaymentMethod | undefined {
  return usable.find((each) => each.id === methodId) ?? usable.find((each) => each.isDefault) ?? usable[0];
}

export type AmountProblem = 'empty' | 'invalid' | 'precision' | 'zero' | 'too_large';

export type AmountCheck = { ok: true; value: Money } | { ok: false; problem: AmountProblem };

/** An amount typed in `locale`, between one minor unit and `due` inclusive, in the currency's precision. */
export function checkAmount(text: string, due: Money, locale: string): AmountCheck {
  const parsed = parseAmountInput(text, due.currency, locale);
  if (!parsed.ok) return { ok: false, problem: parsed.reason };
  if (parsed.value.amount === 0) return { ok: false, problem: 'zero' };
  if (parsed.value.amount > due.amount) return { ok: false, problem: 'too_large' };
  return { ok: true, value: parsed.value };
}

/** A valid amount in the locale's own form ("12,5" → "12,50"); anything else exactly as typed. */
export function tidyAmount(text: string, due: Money, locale: string): string {
  const checked = checkAmount(text, due, locale);
  return checked.ok ? formatAmountInput(checked.value, locale) : text;
}

/**
 * The first two rows of a split: `target` shared evenly between two methods (one minor unit apart at
 * most, the larger share first); a share of nothing is left blank for the customer to fill.
 */
export function evenSplit(
  target: Money,
  methodIds: readonly [string, string],
  keys: readonly [number, number],
  locale: string,
): SplitRow[] {
  const shares = target.amount >= 2 ? splitEvenly(target, 2) : [target, money(0, target.currency)];
  return methodIds.map((methodId, index) => ({
    key: keys[index],
    methodId,
    amountText: shares[index].amount > 0 ? formatAmountInput(shares[index], locale) : '',
  }));
}

/** What the rows add up to so far; a row that does not read as an amount yet counts as nothing. */
export function allocatedSoFar(rows: readonly SplitRow[], currency: string, locale: string): Money {
  return sum(
    rows.flatMap((row) => {
      const parsed = parseAmountInput(row.amountText, currency, locale);
      return parsed.ok ? [parsed.value] : [];
    }),
    currency,
  );
}

/** "The rest" for one row: what the other rows leave of `due`, never below zero. */
export function restFor(rows: readonly SplitRow[], key: number, due: Money, locale: string): Money {
  const others = allocatedSoFar(
    rows.filter((row) => row.key !== key),
    due.currency,
    locale,
  );
  return money(Math.max(0, due.amount - others.amount), due.currency);
}

/** Problems of a split, row by row and as a whole. */
export interface SplitCheck {
  amounts: Map<number, AmountProblem>;
  /** Rows whose method is missing or no longer usable. */
  missingMethod: Set<number>;
  /** Rows whose method an earlier row already uses. */
  repeatedMethod: Set<number>;
  /** Due minus what the rows add up to: negative when they ask for more than is due. */
  left: Money;
  allocations: Allocation[] | null;
}

/**
 * Checks a split against the amount due. The sum may never exceed what is due; it may fall short only
 * when the merchant allows partial payments (what is left stays due on the invoice).
 */
export function checkSplit(input: {
  rows: readonly SplitRow[];
  due: Money;
  usable: readonly PaymentMethod[];
  locale: string;
  partialAllowed: boolean;
}): SplitCheck {
  const { rows, due, usable, locale, partialAllowed } = input;
  const amounts = new Map<number, AmountProblem>();
  const missingMethod = new Set<number>();
  const repeatedMethod = new Set<number>();
  const seen = new Set<string>();
  const allocations: Allocation[] = [];
  for (const row of rows) {
    if (!usable.some((method) => method.id === row.methodId)) missingMethod.add(row.key);
    else if (seen.has(row.methodId)) repeatedMethod.add(row.key);
    seen.add(row.methodId);
    const amount = checkAmount(row.amountText, due, locale);
    if (amount.ok) allocations.push({ paymentMethodId: row.methodId, amount: amount.value });
    else amounts.set(row.key, amount.problem);
  }
  const left = money(due.amount - allocatedSoFar(rows, due.currency, locale).amount, due.currency);
  const complete =
    amounts.size === 0 &&
    missingMethod.size === 0 &&
    repeatedMethod.size === 0 &&
    left.amount >= 0 &&
    (partialAllowed || left.amount === 0);
  return { amounts, missingMethod, repeatedMethod, left, allocations: complete ? allocations : null };
}
