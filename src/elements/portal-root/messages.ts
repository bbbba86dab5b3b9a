import { defineMessages } from '../../core/i18n/index.js';
import { type RootMessages, en } from './messages.en.js';

/** The `root` namespace: `this.t.root` in `<portal-root>`. Other languages download on first use. */
export const rootMessages = defineMessages<'root', RootMessages>('root', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});
