import { defineMessages } from '../../core/i18n/index.js';
import { type InvoiceMessages, en } from './messages.en.js';

/** The `invoice` namespace: `this.t.invoice` in `<portal-invoice>`. Other languages download on first use. */
export const invoiceMessages = defineMessages<'invoice', InvoiceMessages>('invoice', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
