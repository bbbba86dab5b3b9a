import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type ShellMessages, en } from './messages.en.js';

/** The `consoleShell` namespace: `this.t.consoleShell`. Other languages download on first use. */
export const shellMessages = defineMessages<'consoleShell', ShellMessages>('consoleShell', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type ShellT = ElementMessages<typeof shellMessages>;
