import { type CancelSubscription, type Card, type Money, formatMoney } from '../model/index.js';
import { methodLabel } from './mappers.js';
import type { CustomerRecord, PaymentMethodRecord } from './records.js';
import { taskLink } from './task-links.js';

/**
 * The text of every email the backends send, as a function of its data: MemoryAdapter puts them in its
 * outbox, the reference server in its database outbox. Plain text only: nothing from a customer is
 * interpreted as markup, and the development outbox page escapes it again before display.
 */
export interface MailText {
  /** What the email is for; the server's outbox records it. */
  kind: string;
  subject: string;
  text: string;
}

export function magicLinkMail(merchant: string, link: string, minutes: number): MailText {
  return {
    kind: 'magic_link',
    subject: `Your sign-in link for ${merchant}`,
    text: [
      `Hello,`,
      ``,
      `Use this link to sign in to your ${merchant} customer portal:`,
      ``,
      link,
      ``,
      `The link works once and expires in ${minutes} minutes. Opening it shows a "Sign in" button; nothing`,
      `happens until you press it.`,
      ``,
      `If you did not ask for it, you can ignore this email.`,
    ].join('\n'),
  };
}

export function passwordResetMail(merchant: string, link: string, minutes: number): MailText {
  return {
    kind: 'password_reset',
    subject: `Reset your ${merchant} password`,
    text: [
      `Hello,`,
      ``,
      `Someone asked to reset the password of your ${merchant} customer portal account.`,
      `To choose a new password, open this link (it works once and expires in ${minutes} minutes):`,
      ``,
      link,
      ``,
      `If it was not you, ignore this email: your password stays as it is.`,
    ].join('\n'),
  };
}

/** A merchant's lock is lifted by the merchant, never by a reset alone: the owner learns why no link came. */
export function lockedAccountResetMail(merchant: string, support: string | undefined): MailText {
  return {
    kind: 'password_reset_locked',
    subject: `Your ${merchant} account`,
    text: [
      `Hello,`,
      ``,
      `Someone asked to reset the password of your ${merchant} customer portal account, but the account is`,
      `locked. Please contact ${support ?? merchant} to have it unlocked; you will then receive a link to`,
      `choose a new password.`,
    ].join('\n'),
  };
}

export function unlockMail(merchant: string, link: string, minutes: number): MailText {
  return {
    kind: 'unlock',
    subject: `Your ${merchant} account is unlocked`,
    text: [
      `Hello,`,
      ``,
      `Your account has been unlocked. Choose a new password for the ${merchant} customer portal with this`,
      `link (it works once and expires in ${minutes} minutes):`,
      ``,
      link,
    ].join('\n'),
  };
}

export function activationMail(
  merchant: string,
  signInUrl: string,
  password: string,
  hours: number,
): MailText {
  return {
    kind: 'activation',
    subject: `Your ${merchant} customer portal account`,
    text: [
      `Hello,`,
      ``,
      `An account has been opened for you on the ${merchant} customer portal.`,
      ``,
      `Sign in at ${signInUrl} with this email address and the temporary password:`,
      ``,
      `    ${password}`,
      ``,
      `You will be asked to choose your own password. The temporary password expires in ${hours} hours.`,
    ].join('\n'),
  };
}

export function passwordChangedMail(merchant: string, support: string | undefined): MailText {
  return {
    kind: 'password_changed',
    subject: `Your ${merchant} password was changed`,
    text: [
      `Hello,`,
      ``,
      `The password of your ${merchant} customer portal account was just changed, and other signed-in`,
      `devices were signed out.`,
      ``,
      `If this was not you, reset your password now and contact ${support ?? merchant}.`,
    ].join('\n'),
  };
}

export function signUpAttemptMail(merchant: string, signInUrl: string): MailText {
  return {
    kind: 'sign_up_existing',
    subject: `Someone tried to create a ${merchant} account with your address`,
    text: [
      `Hello,`,
      ``,
      `Someone tried to create a new ${merchant} customer portal account with this email address, which`,
      `already has an account. No new account was created.`,
      ``,
      `If it was you, sign in at ${signInUrl}, or use "Forgot password" there to choose a new password.`,
      `If it was not you, you can ignore this email.`,
    ].join('\n'),
  };
}

/** To the merchant's support address: why the customer cancelled, comment included. */
export function cancellationNoticeMail(input: {
  customer: Pick<CustomerRecord, 'name' | 'code'>;
  planName: string;
  subscriptionId: string;
  cancel: Pick<CancelSubscription, 'when' | 'reason' | 'comment'>;
  /** The reason in the merchant's own words, when it is one of their listed reasons. */
  reasonLabel?: string;
}): MailText {
  const { customer, cancel } = input;
  const when = cancel.when === 'immediately' ? 'effective immediately' : 'at the end of the period';
  return {
    kind: 'cancellation_notice',
    subject: `Subscription cancelled by ${customer.name} (${customer.code})`,
    text: [
      `${customer.name} cancelled ${input.planName} (${input.subscriptionId}), ${when}.`,
      `Reason: ${input.reasonLabel ? `${input.reasonLabel} (${cancel.reason})` : cancel.reason}`,
      ...(cancel.comment ? [`Comment: ${cancel.comment}`] : []),
    ].join('\n'),
  };
}

/**
 * A card on file expires soon: the card is named by its brand and last four digits and its expiry, never
 * by its number (which no backend has), with where to add another.
 */
export function cardExpiryReminderMail(input: {
  merchant: string;
  card: Extract<PaymentMethodRecord, { type: 'card' }>;
  portalUrl: string;
  /** Link straight to replacing this card (a single-task link, rules/task-links.ts) rather than the portal. */
  taskLink?: boolean;
}): MailText {
  const { merchant, card } = input;
  const link = input.taskLink
    ? taskLink(input.portalUrl, { task: 'replace-payment-method', id: card.id })
    : input.portalUrl;
  const label = methodLabel(card);
  return {
    kind: 'card_expiry_reminder',
    subject: `Your ${label} on file with ${merchant} expires soon`,
    text: [
      `Hello,`,
      ``,
      `The card you keep on file with ${merchant}, ${label}, expires at the end of ${expiry(card)}.`,
      `To keep paying without interruption, add a new card in your customer portal:`,
      ``,
      link,
      ``,
      `If you have already done so, you can ignore this email.`,
    ].join('\n'),
  };
}

function expiry(card: Pick<Card, 'expMonth' | 'expYear'>): string {
  return `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
}

/** To the new address: the change takes effect only when this link is opened. */
export function emailChangeConfirmMail(merchant: string, link: string, minutes: number): MailText {
  return {
    kind: 'email_change_confirm',
    subject: `Confirm your new email address for ${merchant}`,
    text: [
      `Hello,`,
      ``,
      `Someone asked to use this address for their ${merchant} customer portal account. To confirm it,`,
      `open this link (it works once and expires in ${minutes} minutes) and press "Confirm":`,
      ``,
      link,
      ``,
      `Until then the account keeps its current address. If you did not ask for this, ignore this email.`,
    ].join('\n'),
  };
}

/** To the old address, once the new one is confirmed: the owner learns of it even if it was not them. */
export function emailChangedMail(merchant: string, newEmail: string, support: string | undefined): MailText {
  return {
    kind: 'email_changed',
    subject: `Your ${merchant} email address was changed`,
    text: [
      `Hello,`,
      ``,
      `The email address of your ${merchant} customer portal account was changed to ${newEmail}.`,
      `Emails about your account now go there, and you sign in with it.`,
      ``,
      `If this was not you, contact ${support ?? merchant} at once.`,
    ].join('\n'),
  };
}

/** What both renewal emails (the invoice issued, the dunning) say about the renewal invoice. */
export interface RenewalMailFacts {
  merchant: string;
  planName: string;
  invoiceNumber: string;
  amount: Money;
  portalUrl: string;
  invoiceId: string;
}

/** The facts of a renewal's invoice for its emails, built the same way by both billing cycles. */
export function renewalMailFacts(input: {
  merchant: string;
  planName: string;
  invoice: { id: string; number: string };
  renewal: { amount: number; currency: string };
  portalUrl: string;
}): RenewalMailFacts {
  return {
    merchant: input.merchant,
    planName: input.planName,
    invoiceNumber: input.invoice.number,
    amount: { amount: input.renewal.amount, currency: input.renewal.currency },
    portalUrl: input.portalUrl,
    invoiceId: input.invoice.id,
  };
}

/**
 * Dunning: a renewal was charged to the customer's method and declined, so the subscription is past due.
 * Names the plan, the invoice and the amount, and where to pay it with another method.
 */
export function renewalDeclinedMail(input: {
  merchant: string;
  planName: string;
  invoiceNumber: string;
  amount: Money;
  method: PaymentMethodRecord;
  portalUrl: string;
  /** The invoice's id: the link opens straight on paying it (a single-task link, rules/task-links.ts). */
  invoiceId?: string;
}): MailText {
  const { merchant } = input;
  const link = input.invoiceId
    ? taskLink(input.portalUrl, { task: 'pay-invoice', id: input.invoiceId })
    : input.portalUrl;
  return {
    kind: 'renewal_declined',
    subject: `Your ${merchant} payment was declined`,
    text: [
      `Hello,`,
      ``,
      `We could not renew your ${input.planName} subscription: the payment of ${formatMoney(input.amount, 'en')}`,
      `for invoice ${input.invoiceNumber} to ${methodLabel(input.method)} was declined.`,
      ``,
      `Your subscription is past due. To keep it going, pay the invoice in your customer portal, with`,
      `this method or another one:`,
      ``,
      link,
      ``,
      `If you have already paid, you can ignore this email.`,
    ].join('\n'),
  };
}

/**
 * A renewal invoice issued and not paid on the spot (auto-pay off, or no method on file to charge): what it
 * is for, how much, by when, and a link straight to paying it. Not sent when auto-pay pays it, nor when an
 * auto-pay charge is declined (the dunning email above says so).
 */
export function invoiceIssuedMail(input: {
  merchant: string;
  planName: string;
  invoiceNumber: string;
  amount: Money;
  /** The invoice's due date, `YYYY-MM-DD`. */
  dueDate: string;
  portalUrl: string;
  /** The invoice's id: the link opens straight on paying it (a single-task link, rules/task-links.ts). */
  invoiceId: string;
}): MailText {
  const { merchant } = input;
  return {
    kind: 'invoice_issued',
    subject: `Your ${merchant} invoice ${input.invoiceNumber}`,
    text: [
      `Hello,`,
      ``,
      `Your ${input.planName} subscription with ${merchant} has renewed. Invoice ${input.invoiceNumber} for`,
      `${formatMoney(input.amount, 'en')} is due on ${longDate(input.dueDate)}.`,
      ``,
      `To pay it in your customer portal, open this link:`,
      ``,
      taskLink(input.portalUrl, { task: 'pay-invoice', id: input.invoiceId }),
      ``,
      `If you have already paid, you can ignore this email.`,
    ].join('\n'),
  };
}

/** `2027-02-21` as "February 21, 2027": the day itself, whatever the server's time zone. */
function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
