import { type ElementMessages, defineMessages } from '../../../core/i18n/index.js';
import { type BrandingMessages, en } from './messages.en.js';

/** The `consoleBranding` namespace: `this.t.consoleBranding`. Other languages download on first use. */
export const brandingMessages = defineMessages<'consoleBranding', BrandingMessages>('consoleBranding', en, {
  fr: () => import('./messages.fr.js').then((module) => module.fr),
  es: () => import('./messages.es.js').then((module) => module.es),
  de: () => import('./messages.de.js').then((module) => module.de),
  ar: () => import('./messages.ar.js').then((module) => module.ar),
});

export type BrandingT = ElementMessages<typeof brandingMessages>;
