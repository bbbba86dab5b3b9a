import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-profile>`: the customer's details, addresses and contacts, the email
 * change, tax and purchasing details. Their shape is the `ProfileMessages` type the other languages fill.
 */
export const en = {
  heading: 'Your details',
  detailsHeading: 'Name and company',
  addressesHeading: 'Addresses and contacts',
  emailHeading: 'Email address',
  taxHeading: 'Tax and purchasing details',
  billingAddress: 'Billing address',
  shippingAddress: 'Shipping address',
  billingContact: 'Billing contact',
  shippingContact: 'Shipping contact',
  contactName: 'Contact name',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  sameAsBilling: 'Ship to the billing address',
  contactHint: 'Who we write to about invoices or deliveries. Leave it blank to have none.',
  saveDetails: 'Save name and company',
  saveAddresses: 'Save addresses and contacts',
  saveTax: 'Save tax details',
  saved: 'Your changes were saved.',
  unknownOutcome:
    'We could not confirm whether your changes were saved. What you typed is still here; check it and save again.',
  confirmUnknownOutcome:
    'We could not confirm the change. Reload the page: if the new address shows, it went through; if not, ask for a new link.',
  readOnly: (merchant: string) =>
    `${merchant} does not allow changing these details in the portal. Contact them to change anything here.`,
  readOnlyWithEmail: (merchant: string, email: string) =>
    `${merchant} does not allow changing these details in the portal. Write to ${email} to change anything here.`,
  none: 'None on file',
  currentEmail: 'Current address',
  newEmail: 'New email address',
  newEmailHint: 'We send a link to the new address. Your address changes only once you open it.',
  sendLink: 'Send confirmation link',
  emailSame: 'This is already your email address.',
  emailTaken: 'Another account uses this address. Choose a different one.',
  emailOwnerOnly: 'Only the account’s owner can change this address, because they sign in with it.',
  pendingEmail: (email: string) =>
    `Confirm the link we sent to ${email}. Until then, your email stays as it is.`,
  linkSent: (email: string) => `We sent a confirmation link to ${email}.`,
  confirmHeading: 'Confirm your new email address',
  confirmText: 'Press Confirm to make this link’s address the email of your account.',
  confirm: 'Confirm',
  confirming: 'Confirming…',
  emailChanged: (email: string) => `Your email address is now ${email}.`,
  linkInvalid: 'This email-change link is invalid, already used or expired. Ask for a new one.',
  dismiss: 'Dismiss',
  poNumber: 'Purchase order (PO) number',
  vatNumber: 'VAT number',
  vatHint: (example: string) => `For example ${example}.`,
  vatInvalid: (example: string) => `Enter a VAT number like ${example}.`,
  vatInvalidGeneric: 'Enter the VAT number with its country prefix, like DE123456789.',
  registrationNumber: 'Company registration number',
  futureInvoices:
    'Changes apply to future invoices. Invoices already issued keep the details they were issued with.',
  verification: {
    verified: (date: string) => `Verified with the tax registry on ${date}.`,
    not_registered: 'The tax registry does not list this number. Check it, or contact us if it is right.',
    unavailable:
      'The tax registry could not be reached, so this number is not verified yet. It is saved as you entered it.',
  },
  defaultMethod: 'Default payment method',
  defaultMethodHint: 'Used for automatic payments and preselected when you pay.',
  noMethods: 'No payment methods on file.',
};

export type ProfileMessages = Catalog<typeof en>;
