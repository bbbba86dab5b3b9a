import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type ConsoleLogsMessages, en } from './messages.en.js';

/** The `consoleLogs` namespace: `this.t.consoleLogs`. Other languages download on first use. */
export const consoleLogsMessages = defineMessages<'consoleLogs', ConsoleLogsMessages>('consoleLogs', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type ConsoleLogsT = ElementMessages<typeof consoleLogsMessages>;
