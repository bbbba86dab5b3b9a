import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-root>`: its frame, navigation and overview. They ship in the element's own code; their shape is
 * the `RootMessages` type the other languages must fill, so a missing translation is a type error.
 */
export const en = {
  regionLabel: (merchant: string) => `${merchant} billing portal`,
  navLabel: 'Billing portal sections',
  signedInAs: (name: string) => `Signed in as ${name}`,
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  sections: {
    overview: 'Overview',
    invoices: 'Invoices',
    paymentMethods: 'Payment methods',
    subscriptions: 'Subscriptions',
    profile: 'Profile',
    policies: 'Policies',
  },
  customerCode: 'Customer code',
  backToInvoices: 'Back to invoices',
  previewBanner: 'Preview: you are seeing the portal as this customer does. Nothing can be changed.',
  /** The sign-out button in a preview: signing out is how the merchant leaves it. */
  endPreview: 'End preview',
  welcome: (name: string) => `Welcome, ${name}.`,
  overviewIntro: 'Your billing with us at a glance.',
  /** Several billing accounts per person: the chooser and the header's switcher. */
  accounts: {
    heading: 'Choose a billing account',
    intro: 'Your address opens several billing accounts. Choose one; you can switch at any time.',
    listLabel: 'Billing accounts',
    code: (code: string) => `Customer code ${code}`,
    openNow: 'Open now',
    opening: 'Opening…',
    none: 'No billing account is open to this address any more.',
    current: (name: string) => `Account: ${name}`,
    switch: 'Switch account',
  },
};

export type RootMessages = Catalog<typeof en>;
