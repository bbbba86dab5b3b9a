import { type ElementMessages, defineMessages } from '../../core/i18n/index.js';
import { type SubscriptionsMessages, en } from './messages.en.js';

/** The `subscriptions` namespace: `this.t.subscriptions`. Other languages download on first use. */
export const subscriptionsMessages = defineMessages<'subscriptions', SubscriptionsMessages>(
  'subscriptions',
  en,
  {
    fr: () => import('./messages.fr.js').then((module) => module.fr),
    es: () => import('./messages.es.js').then((module) => module.es),
    de: () => import('./messages.de.js').then((module) => module.de),
    ar: () => import('./messages.ar.js').then((module) => module.ar),
  },
);

export type SubscriptionsT = ElementMessages<typeof subscriptionsMessages>;
