import { type FieldError, PortalError } from '../contract/errors.js';
import type { PortalSettings } from '../model/index.js';

/**
 * Combinations of portal settings that each field allows but that contradict each other, written once: the
 * reference server refuses them (`adminUpdateSettings`, 400 `validation`) and the console shows the same
 * explanations at the same fields before saving. Each problem names the field to change:
 *
 * - split payments allowing fewer than two methods: a split needs two (turn splits off instead);
 * - a card required on file while customers can neither add nor remove cards: the setting would do nothing;
 * - one plan listed twice in the plan rules: which rule applies would be ambiguous.
 *
 * Deliberately not refused: both sign-in methods off (a merchant who signs customers in on its own site
 * hands over minted session tokens), paying off while partial or split payments stay on (the preference
 * holds again when paying is turned back on), a pause retention offer while pausing is off (the pause is
 * then offered only to a customer about to cancel).
 */
export function settingsProblems(settings: PortalSettings): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (path: string) => problems.push({ path, code: 'invalid' });
  const { invoices, paymentMethods, subscriptions } = settings;
  if (invoices.splitPayments && invoices.maxSplitMethods < 2) problem('invoices.maxSplitMethods');
  if (paymentMethods.cardOnFileRequired && !paymentMethods.addCards && !paymentMethods.removeCards) {
    problem('paymentMethods.cardOnFileRequired');
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
