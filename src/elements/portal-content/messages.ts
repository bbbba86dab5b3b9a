import { defineMessages } from '../../core/i18n/index.js';
import { type ContentMessages, en } from './messages.en.js';

/** The `content` namespace: `this.t.content` in `<portal-content>`. Other languages download on first use. */
export const contentMessages = defineMessages<'content', ContentMessages>('content', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
