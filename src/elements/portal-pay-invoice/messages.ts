import { defineMessages } from '../../core/i18n/index.js';
import { type PayMessages, en } from './messages.en.js';

/** The `pay` namespace: `this.t.pay` in `<portal-pay-invoice>`. Other languages download on first use. */
export const payMessages = defineMessages<'pay', PayMessages>('pay', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
