import { type FieldError, PortalError } from '../contract/errors.js';
import type { PortalSettings } from '../model/index.js';

/**
 * The combinations of portal settings that cannot work together, written once for both backends and the
 * console (which explains each at its field before saving). The schema checks each value alone; this
 * checks them against each other. Each problem names the path of the setting to change and a code; the
 * console words it per path (`invalid` = "needs the setting it depends on").
 */
export function settingsProblems(settings: PortalSettings): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (path: string, code: FieldError['code'] = 'invalid') => problems.push({ path, code });
  const { signIn, accountCreation, paymentMethods, invoices, subscriptions } = settings;

  // Customers must have some way in.
  if (!signIn.password && !signIn.magicLink) problem('signIn.password', 'required');
  // Signing up chooses a password: without password sign-in the new account could never sign in.
  if (accountCreation.enabled && !signIn.password) problem('accountCreation.enabled');
  // A detail required at sign-up must be one customers are allowed to add.
  if (accountCreation.enabled && accountCreation.required.card && !paymentMethods.addCards) {
    problem('accountCreation.required.card');
  }
  if (accountCreation.enabled && accountCreation.required.bankAccount && !paymentMethods.addBankAccounts) {
    problem('accountCreation.required.bankAccount');
  }
  // Paying in part or across methods are ways of paying.
  if (invoices.partialPayments && !invoices.payInvoices) problem('invoices.partialPayments');
  if (invoices.splitPayments && !invoices.payInvoices) problem('invoices.splitPayments');
  // A split needs at least two methods.
  if (invoices.splitPayments && invoices.maxSplitMethods < 2)
    problem('invoices.maxSplitMethods', 'too_short');

  const planIds = subscriptions.plans.map((rule) => rule.planId);
  subscriptions.plans.forEach((rule, index) => {
    if (planIds.indexOf(rule.planId) !== index) problem(`subscriptions.plans.${index}.planId`, 'taken');
  });
  const reasonIds = subscriptions.cancellationReasons.map((reason) => reason.id);
  subscriptions.cancellationReasons.forEach((reason, index) => {
    if (reason.label.trim() === '') problem(`subscriptions.cancellationReasons.${index}.label`, 'required');
    if (reasonIds.indexOf(reason.id) !== index)
      problem(`subscriptions.cancellationReasons.${index}.id`, 'taken');
  });
  return problems;
}

/** Refuses settings that cannot work together (a `validation` error with every problem at its field). */
export function assertSettingsCoherent(settings: PortalSettings): void {
  const problems = settingsProblems(settings);
  if (problems.length > 0) {
    throw new PortalError(
      'validation',
      `the settings contradict each other: ${problems.map((p) => p.path).join(', ')}`,
      {
        fieldErrors: problems,
      },
    );
  }
}
