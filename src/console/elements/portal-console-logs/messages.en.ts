import type { Catalog } from '../../../core/i18n/index.js';

/** The access logs section's English messages: `this.t.consoleLogs`. */
export const en = {
  heading: 'Access logs',
  filters: 'Filters',
  result: 'Result',
  anyResult: 'Any result',
  results: { success: 'Succeeded', failure: 'Failed' },
  customer: 'Customer',
  customerHint: 'Code or email',
  from: 'From',
  to: 'To',
  toBeforeFrom: 'The end date is before the start date.',
  apply: 'Show',
  clear: 'Clear filters',
  export: 'Export CSV',
  exporting: 'Exporting…',
  exported: (fileName: string) => `${fileName} downloaded.`,
  empty: 'No sign-in attempts yet.',
  noMatch: 'No sign-in attempt matches these filters.',
  at: 'Time',
  method: 'Method',
  email: 'Email',
  account: 'Customer code',
  ip: 'IP address',
  reason: 'Reason',
  noAccount: 'Unknown',
  methods: {
    password: 'Password',
    magic_link: 'Email link',
    session_token: 'Session token',
    password_reset: 'Password reset',
    account_switch: 'Account switch',
  },
  pages: 'Pages',
  previous: 'Previous page',
  next: 'Next page',
  pageNumber: (page: number) => `Page ${page}`,
};

export type ConsoleLogsMessages = Catalog<typeof en>;
