import { en as commonEn } from '../../src/core/i18n/en.js';
import { es as commonEs } from '../../src/core/i18n/es.js';
import { fr as commonFr } from '../../src/core/i18n/fr.js';
import * as invoice from '../../src/elements/portal-invoice/messages.en.js';
import * as invoiceEs from '../../src/elements/portal-invoice/messages.es.js';
import * as invoiceFr from '../../src/elements/portal-invoice/messages.fr.js';
import * as invoices from '../../src/elements/portal-invoices/messages.en.js';
import * as invoicesEs from '../../src/elements/portal-invoices/messages.es.js';
import * as invoicesFr from '../../src/elements/portal-invoices/messages.fr.js';
import * as login from '../../src/elements/portal-login/messages.en.js';
import * as loginEs from '../../src/elements/portal-login/messages.es.js';
import * as loginFr from '../../src/elements/portal-login/messages.fr.js';
import * as pay from '../../src/elements/portal-pay-invoice/messages.en.js';
import * as payEs from '../../src/elements/portal-pay-invoice/messages.es.js';
import * as payFr from '../../src/elements/portal-pay-invoice/messages.fr.js';
import * as root from '../../src/elements/portal-root/messages.en.js';
import * as rootEs from '../../src/elements/portal-root/messages.es.js';
import * as rootFr from '../../src/elements/portal-root/messages.fr.js';
import * as summary from '../../src/elements/portal-summary/messages.en.js';
import * as summaryEs from '../../src/elements/portal-summary/messages.es.js';
import * as summaryFr from '../../src/elements/portal-summary/messages.fr.js';

/**
 * Every message of one language in one object, the common sections plus each element's namespace, so a
 * test names the text a customer sees (`en.summary.outstanding`, `fr.common.retry`) whichever element
 * shows it. Elements themselves only ever get the common catalog and their own namespace.
 */
export const en = {
  ...commonEn,
  root: root.en,
  summary: summary.en,
  invoices: invoices.en,
  invoice: invoice.en,
  pay: pay.en,
  login: login.en,
};

export const fr: typeof en = {
  ...commonFr,
  root: rootFr.fr,
  summary: summaryFr.fr,
  invoices: invoicesFr.fr,
  invoice: invoiceFr.fr,
  pay: payFr.fr,
  login: loginFr.fr,
};

export const es: typeof en = {
  ...commonEs,
  root: rootEs.es,
  summary: summaryEs.es,
  invoices: invoicesEs.es,
  invoice: invoiceEs.es,
  pay: payEs.es,
  login: loginEs.es,
};
