import type { Catalog } from '../../../core/i18n/index.js';

/** The access section's English messages: `this.t.consoleAccess`. */
export const en = {
  heading: 'Passwordless access',
  intro: 'Who may sign in to a billing account with an emailed link: a whole email domain, or one address.',
  empty: 'No passwordless access yet: customers sign in with their password.',
  account: 'Billing account',
  kind: 'Kind',
  value: 'Domain or address',
  actions: 'Actions',
  kinds: { domain: 'Email domain', email: 'Single address' },
  remove: 'Remove',
  removeLabel: (value: string, account: string) => `Remove ${value} from ${account}`,
  removeHeading: (value: string, account: string) => `Remove ${value} from ${account}?`,
  removeBody: 'People it let in sign in with a password from now on (if they have one).',
  removeConfirm: 'Remove',
  keep: 'Keep it',
  removing: 'Removing…',
  removed: (value: string, account: string) => `${value} no longer opens ${account}.`,
  addHeading: 'Grant access',
  findAccount: 'Find the billing account',
  findAccountHint: 'Code, name or email',
  chooseAccount: 'Choose a billing account',
  noAccounts: 'No billing account matches.',
  accountOption: (code: string, name: string) => `${code} — ${name}`,
  domainValue: 'Email domain',
  domainHint: 'For example example.com: every address at it may sign in.',
  emailValue: 'Email address',
  add: 'Grant access',
  adding: 'Granting…',
  added: (value: string, account: string) => `${value} now opens ${account}.`,
  accountRequired: 'Choose the billing account.',
  domainInvalid: 'Enter a domain such as example.com.',
  emailInvalid: 'Enter an email address such as name@example.com.',
  overlaps: (kind: string, value: string, account: string) =>
    `This overlaps the ${kind} rule ${value} on ${account}.`,
  overlapsUnknown: 'This overlaps an existing rule.',
  kindNames: { domain: 'domain', email: 'address' },
  unknownOutcome:
    'We could not tell whether that was done. The list was read again; check it before trying again.',
};

export type ConsoleAccessMessages = Catalog<typeof en>;
