import { defineMessages } from '../../core/i18n/index.js';
import { type InvoicesMessages, en } from './messages.en.js';

/** The `invoices` namespace: `this.t.invoices` in `<portal-invoices>`. Other languages download on first use. */
export const invoicesMessages = defineMessages<'invoices', InvoicesMessages>('invoices', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
