import type { PortalSettings } from '../model/index.js';
import { forbidden } from './errors.js';

/**
 * Which merchant setting allows each customer action, and the refusal when it is off. The elements hide
 * what is off; both backends refuse it anyway through `requireCapability`.
 */
const CAPABILITIES = {
  passwordSignIn: { what: 'password sign-in', allowed: (s: PortalSettings) => s.signIn.password },
  magicLinkSignIn: { what: 'sign-in by email link', allowed: (s: PortalSettings) => s.signIn.magicLink },
  accountCreation: { what: 'account creation', allowed: (s: PortalSettings) => s.accountCreation.enabled },
  modifyInformation: {
    what: 'changing account details',
    allowed: (s: PortalSettings) => s.profile.modifyInformation,
  },
  defaultPaymentMethod: {
    what: 'changing the default payment method',
    allowed: (s: PortalSettings) => s.profile.modifyInformation,
  },
  addCards: { what: 'adding cards', allowed: (s: PortalSettings) => s.paymentMethods.addCards },
  removeCards: { what: 'removing cards', allowed: (s: PortalSettings) => s.paymentMethods.removeCards },
  addBankAccounts: {
    what: 'adding bank accounts',
    allowed: (s: PortalSettings) => s.paymentMethods.addBankAccounts,
  },
  payInvoices: { what: 'paying invoices', allowed: (s: PortalSettings) => s.invoices.payInvoices },
  splitPayments: { what: 'splitting a payment', allowed: (s: PortalSettings) => s.invoices.splitPayments },
  partialPayments: {
    what: 'paying part of an invoice',
    allowed: (s: PortalSettings) => s.invoices.partialPayments,
  },
  customerNotes: {
    what: 'adding notes to invoices',
    allowed: (s: PortalSettings) => s.invoices.customerNotes,
  },
  downloadPdf: { what: 'downloading invoice PDFs', allowed: (s: PortalSettings) => s.invoices.downloadPdf },
  subscriptions: {
    what: 'subscription self-service',
    allowed: (s: PortalSettings) => s.subscriptions.enabled,
  },
  changePlans: {
    what: 'changing plans',
    allowed: (s: PortalSettings) => s.subscriptions.enabled && s.subscriptions.allowPlanChange,
  },
  pauseSubscriptions: {
    what: 'pausing subscriptions',
    allowed: (s: PortalSettings) => s.subscriptions.enabled && s.subscriptions.allowPause,
  },
} as const;

export type Capability = keyof typeof CAPABILITIES;

export function allows(settings: PortalSettings, capability: Capability): boolean {
  return CAPABILITIES[capability].allowed(settings);
}

/** Throws `forbidden` ("adding cards is turned off by the merchant") unless the capability is on. */
export function requireCapability(settings: PortalSettings, capability: Capability): void {
  if (!allows(settings, capability)) {
    throw forbidden(`${CAPABILITIES[capability].what} is turned off by the merchant`);
  }
}
