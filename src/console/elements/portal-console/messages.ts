import type { ElementMessages } from '../../../core/i18n/index.js';
import { consoleMessages } from '../../messages.js';

/** `<portal-console>`'s words: `this.t.consoleShell`. */
export const shellMessages = consoleMessages('consoleShell', {
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
});

export type ShellT = ElementMessages<typeof shellMessages>;
