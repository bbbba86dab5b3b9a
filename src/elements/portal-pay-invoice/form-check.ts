import type { FieldError } from '../../contract/errors.js';
import type { Formatter } from '../../core/i18n/index.js';
import {
  type Allocation,
  type Money,
  type PayInvoice,
  currencyExponent,
  formatAmountInput,
  money,
} from '../../model/index.js';
import { type FieldSpec, moneyAmountField } from '../../ui/form/specs.js';
import { messageFor } from '../../ui/form/validate.js';
import {
  type AmountProblem,
  NEW_CARD,
  type PayValues,
  checkAmount,
  checkSplit,
  chosenMethod,
} from './draft.js';
import { type Loaded, type PayIds, type PayT, isSplitting } from './pay-host.js';

/**
 * The form's current values checked against the invoice and worded for the customer: the allocations
 * to review, or a message per field id; and the backend's refusals placed on the fields they concern.
 */

/** What the form shows for its current values: a message per field id, and the split's remainder. */
export interface Draft {
  allocations: Allocation[] | null;
  errors: Map<string, string>;
  left?: Money;
  /** The split asks for more than is due (always shown) or, without partial payments, for less. */
  splitProblem?: { message: string; always: boolean };
}

/** What the checks need from the element: its words, its formats and its field ids. */
export interface CheckContext {
  t: PayT;
  format: Formatter;
  locale: string;
  ids: PayIds;
}

/** The form's own words for the backend's refusal of an amount, where the catalog's would be vague. */
function amountRefusals(t: PayT): NonNullable<FieldSpec['messages']> {
  return { too_large: t.pay.tooLarge };
}

/**
 * An amount field of the form, drawn by `renderField`. Its messages word the backend's refusals of an
 * amount; what the customer typed is worded by `amountMessage`, which knows more kinds of problem (too
 * precise, zero) than the backend's field error codes.
 */
export function amountField(
  t: PayT,
  path: string,
  label: string,
  currency: string,
  hint?: string,
): FieldSpec {
  return moneyAmountField({ path, label, currency, ...(hint ? { hint } : {}), messages: amountRefusals(t) });
}

export function amountMessage(context: CheckContext, problem: AmountProblem, due: Money): string {
  const t = context.t.pay;
  switch (problem) {
    case 'empty':
      return t.amountRequired;
    case 'invalid':
      return t.amountInvalid(formatAmountInput(due, context.locale));
    case 'precision':
      return t.amountPrecision(currencyExponent(due.currency));
    case 'zero':
      return t.amountZero;
    case 'too_large':
      return t.amountTooLarge(context.format.money(due));
  }
}

/** Checks what the customer typed against the invoice: allocations to send, or why not yet. */
export function checkDraft(context: CheckContext, data: Loaded, values: PayValues): Draft {
  const { ids, format, locale } = context;
  const t = context.t.pay;
  const due = data.invoice.amountDue;
  const partialAllowed = data.settings.invoices.partialPayments;
  const errors = new Map<string, string>();
  if (isSplitting(data, values)) {
    const split = checkSplit({ rows: values.rows, due, usable: data.usable, locale, partialAllowed });
    for (const row of values.rows) {
      const problem = split.amounts.get(row.key);
      if (problem) errors.set(ids.rowAmount(row.key), amountMessage(context, problem, due));
      if (split.missingMethod.has(row.key)) errors.set(ids.rowMethod(row.key), t.methodRequired);
      if (split.repeatedMethod.has(row.key)) errors.set(ids.rowMethod(row.key), t.methodRepeated);
    }
    const { left } = split;
    const splitProblem =
      left.amount < 0
        ? {
            message: t.overAllocated(format.money(money(-left.amount, left.currency)), format.money(due)),
            always: true,
          }
        : left.amount > 0 && !partialAllowed
          ? { message: t.mustAllocateAll(format.money(left)), always: false }
          : undefined;
    return { allocations: split.allocations, errors, left, splitProblem };
  }
  const method = values.methodId === NEW_CARD ? { id: NEW_CARD } : chosenMethod(data.usable, values.methodId);
  if (!method) errors.set(ids.methods, t.methodRequired);
  let amount: Money | null = due;
  if (partialAllowed && values.amountMode === 'part') {
    const checked = checkAmount(values.partText, due, locale);
    if (checked.ok) amount = checked.value;
    else {
      amount = null;
      errors.set(ids.amount, amountMessage(context, checked.problem, due));
    }
  }
  return {
    allocations: method && amount ? [{ paymentMethodId: method.id, amount }] : null,
    errors,
  };
}

/** Field ids in the order they appear, so focus goes to the first problem on screen. */
export function fieldOrder(ids: PayIds, data: Loaded, values: PayValues): string[] {
  if (isSplitting(data, values)) {
    return values.rows.flatMap((row) => [ids.rowMethod(row.key), ids.rowAmount(row.key)]);
  }
  return [ids.amount, ids.methods];
}

/**
 * Where a backend field error (`allocations.1.amount`) belongs: the field the customer filled in for
 * that allocation, with the words for it; null when the form has no such field (the amount due, sent
 * without a field).
 */
export function refusedField(
  context: CheckContext,
  values: PayValues,
  request: PayInvoice,
  fieldError: FieldError,
): { id: string; message: string } | null {
  const { t, ids } = context;
  const match = /^allocations\.(\d+)\.(amount|paymentMethodId)$/.exec(fieldError.path);
  if (!match) return null;
  const index = Number(match[1]);
  const isAmount = match[2] === 'amount';
  let id: string | null;
  if (values.splitting && request.allocations.length === values.rows.length) {
    const row = values.rows[index];
    id = row ? (isAmount ? ids.rowAmount(row.key) : ids.rowMethod(row.key)) : null;
  } else {
    id = isAmount ? (values.amountMode === 'part' ? ids.amount : null) : ids.methods;
  }
  if (!id) return null;
  const own = isAmount ? amountRefusals(t)[fieldError.code] : undefined;
  return { id, message: own ?? messageFor(t, undefined, fieldError.code) };
}
