import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type ConsoleCustomersMessages, en } from './messages.en.js';

/** The `consoleCustomers` namespace: `this.t.consoleCustomers`. Other languages download on first use. */
export const consoleCustomersMessages = defineMessages<'consoleCustomers', ConsoleCustomersMessages>(
  'consoleCustomers',
  en,
  {
    fr: () => import('./messages.fr.js').then((module) => module.fr),
    es: () => import('./messages.es.js').then((module) => module.es),
    de: () => import('./messages.de.js').then((module) => module.de),
    ar: () => import('./messages.ar.js').then((module) => module.ar),
  },
);

export type ConsoleCustomersT = ElementMessages<typeof consoleCustomersMessages>;
