import { type ElementMessages, defineMessages } from '../../core/i18n/index.js';
import { type PaymentMethodsMessages, en } from './messages.en.js';

/** The `paymentMethods` namespace: `this.t.paymentMethods`. Other languages download on first use. */
export const paymentMethodsMessages = defineMessages<'paymentMethods', PaymentMethodsMessages>(
  'paymentMethods',
  en,
  {
    fr: () => import('./messages.fr.js').then((module) => module.fr),
    es: () => import('./messages.es.js').then((module) => module.es),
    de: () => import('./messages.de.js').then((module) => module.de),
    ar: () => import('./messages.ar.js').then((module) => module.ar),
  },
);

export type PaymentMethodsT = ElementMessages<typeof paymentMethodsMessages>;
