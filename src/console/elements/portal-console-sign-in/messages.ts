import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type SignInMessages, en } from './messages.en.js';

/** The `consoleSignIn` namespace: `this.t.consoleSignIn`. Other languages download on first use. */
export const signInMessages = defineMessages<'consoleSignIn', SignInMessages>('consoleSignIn', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type SignInT = ElementMessages<typeof signInMessages>;
