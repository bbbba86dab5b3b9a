import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type ShareMessages, en } from './messages.en.js';

/** The `consoleShare` namespace: `this.t.consoleShare`. Other languages download on first use. */
export const shareMessages = defineMessages<'consoleShare', ShareMessages>('consoleShare', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type ShareT = ElementMessages<typeof shareMessages>;
