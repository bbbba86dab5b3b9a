import { type FieldError, PortalError } from '../contract/errors.js';
import type { PortalSettings } from '../model/index.js';

/**
 * Combinations of portal settings that each field allows but that make no sense together, written once:
 * the reference server refuses them (`adminUpdateSettings`, 400 `validation`) and the console shows the
 * same explanations at the same fields before saving. Each problem names the field to change:
 *
 * - no sign-in method on (neither password nor magic link): nobody could sign in;
 * - partial or split payments without paying invoices: there is nothing to split or part-pay;
 * - split payments allowing fewer than two methods: a split needs two;
 * - a card required on file while customers can neither add nor remove cards: the setting does nothing;
 * - a pause offered to keep a cancelling customer while pausing is off: the offer could not be taken;
 * - one plan listed twice in the plan rules: which rule applies would be ambiguous.
 */
export function settingsProblems(settings: PortalSettings): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (path: string) => problems.push({ path, code: 'invalid' });
  const { signIn, invoices, paymentMethods, subscriptions } = settings;
  if (!signIn.password && !signIn.magicLink) {
    problem('signIn.password');
    problem('signIn.magicLink');
  }
  if (invoices.partialPayments && !invoices.payInvoices) problem('invoices.partialPayments');
  if (invoices.splitPayments && !invoices.payInvoices) problem('invoices.splitPayments');
  if (invoices.splitPayments && invoices.maxSplitMethods < 2) problem('invoices.maxSplitMethods');
  if (paymentMethods.cardOnFileRequired && !paymentMethods.addCards && !paymentMethods.removeCards) {
    problem('paymentMethods.cardOnFileRequired');
  }
  if (subscriptions.retentionOffer?.kind === 'pause' && !subscriptions.allowPause) {
    problem('subscriptions.retentionOffer');
  }
  const seen = new Set<string>();
  subscriptions.plans.forEach((rule, index) => {
    if (seen.has(rule.planId)) problem(`subscriptions.plans.${index}.planId`);
    seen.add(rule.planId);
  });
  return problems;
}

/** Throws the `validation` refusal listing every problem, if there is any. */
export function requireConsistentSettings(settings: PortalSettings): void {
  const fieldErrors = settingsProblems(settings);
  if (fieldErrors.length > 0) {
    throw new PortalError('validation', 'these settings contradict each other', { fieldErrors });
  }
}
