import { type ElementMessages, defineMessages } from '../../core/i18n/index.js';
import { type TaskMessages, en } from './messages.en.js';

/** The `task` namespace: `this.t.task`. Other languages download on first use. */
export const taskMessages = defineMessages<'task', TaskMessages>('task', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type TaskT = ElementMessages<typeof taskMessages>;
