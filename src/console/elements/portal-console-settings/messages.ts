import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type SettingsMessages, en } from './messages.en.js';

/** The `consoleSettings` namespace: `this.t.consoleSettings`. Other languages download on first use. */
export const settingsMessages = defineMessages<'consoleSettings', SettingsMessages>('consoleSettings', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type SettingsT = ElementMessages<typeof settingsMessages>;

/** The words for a setting's path in `labels`, `hints` or `problems`, if it has any. */
export function wordAt(words: Readonly<Record<string, string>>, path: string): string | undefined {
  return Object.hasOwn(words, path) ? words[path] : undefined;
}
