import type { Catalog } from '../../../core/i18n/index.js';

/** `<portal-console>`'s English messages (the shell: title, navigation, sign-out): `this.t.consoleShell`. Their shape is the `ShellMessages` type the other languages fill. */
export const en = {
  title: 'Merchant console',
  navigation: 'Console sections',
  signedInAs: (name: string) => `Signed in as ${name}`,
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutFailed: 'Signing out did not work. Try again.',
  sessionEnded: 'Your console session has ended. Sign in again to continue.',
  signedOutNotice: 'You have signed out of the merchant console.',
  sectionFailed: 'This section could not be loaded.',
  sections: {
    settings: 'Settings',
    branding: 'Branding',
    customers: 'Customers',
    access: 'Access',
    logs: 'Access logs',
    share: 'Share',
  },
};

export type ShellMessages = Catalog<typeof en>;
