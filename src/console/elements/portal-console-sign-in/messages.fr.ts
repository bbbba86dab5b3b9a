import { plurals } from '../../../core/i18n/index.js';
import type { SignInMessages } from './messages.en.js';

const plural = plurals('fr');

export const fr: SignInMessages = {
  heading: 'Se connecter à la console marchand',
  intro:
    'Réservée au personnel du marchand. Les clients se connectent sur le portail de facturation de la boutique.',
  submit: 'Se connecter',
  signingIn: 'Connexion…',
  invalidCredentials: 'L’adresse e-mail ou le mot de passe est incorrect.',
  locked: 'Ce compte du personnel est verrouillé. Demandez au titulaire du compte de le déverrouiller.',
  tooManyAttempts: (minutes: number) =>
    `Trop de tentatives. Réessayez dans ${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}.`,
};
