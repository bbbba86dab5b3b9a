import { defineMessages } from '../../core/i18n/index.js';
import { type SummaryMessages, en } from './messages.en.js';

/** The `summary` namespace: `this.t.summary` in `<portal-summary>`. Other languages download on first use. */
export const summaryMessages = defineMessages<'summary', SummaryMessages>('summary', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
