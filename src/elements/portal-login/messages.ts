import { type ElementMessages, defineMessages } from '../../core/i18n/index.js';
import { type LoginMessages, en } from './messages.en.js';

/** The `login` namespace: `this.t.login` in `<portal-login>`. Other languages download on first use. */
export const loginMessages = defineMessages<'login', LoginMessages>('login', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

/** What `t` holds in `<portal-login>` and its views: the common messages plus `login`. */
export type LoginT = ElementMessages<typeof loginMessages>;
