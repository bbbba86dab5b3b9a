import { type ElementMessages, defineMessages } from '../../core/i18n/index.js';
import { type ProfileMessages, en } from './messages.en.js';

/** The `profile` namespace: `this.t.profile`. Other languages download on first use. */
export const profileMessages = defineMessages<'profile', ProfileMessages>('profile', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type ProfileT = ElementMessages<typeof profileMessages>;
