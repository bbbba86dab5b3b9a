import { defineMessages } from '../../core/i18n/index.js';
import { type QuickOrderMessages, en } from './messages.en.js';

/** The `quickOrder` namespace: `this.t.quickOrder` in `<portal-quick-order>`. */
export const quickOrderMessages = defineMessages<'quickOrder', QuickOrderMessages>('quickOrder', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
