import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type ConsoleAccessMessages, en } from './messages.en.js';

/** The `consoleAccess` namespace: `this.t.consoleAccess`. Other languages download on first use. */
export const consoleAccessMessages = defineMessages<'consoleAccess', ConsoleAccessMessages>(
  'consoleAccess',
  en,
  {
    fr: () => import('./messages.fr.js').then((module) => module.fr),
    es: () => import('./messages.es.js').then((module) => module.es),
    de: () => import('./messages.de.js').then((module) => module.de),
    ar: () => import('./messages.ar.js').then((module) => module.ar),
  },
);

export type ConsoleAccessT = ElementMessages<typeof consoleAccessMessages>;
