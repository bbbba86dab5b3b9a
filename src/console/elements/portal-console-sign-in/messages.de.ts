import { plurals } from '../../../core/i18n/index.js';
import type { SignInMessages } from './messages.en.js';

const plural = plurals('de');

export const de: SignInMessages = {
  heading: 'Bei der Händlerkonsole anmelden',
  intro: 'Für die Mitarbeitenden des Händlers. Kunden melden sich im Abrechnungsportal des Shops an.',
  submit: 'Anmelden',
  signingIn: 'Anmeldung läuft…',
  invalidCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
  locked: 'Dieses Mitarbeiterkonto ist gesperrt. Bitten Sie den Kontoinhaber, es zu entsperren.',
  tooManyAttempts: (minutes: number) =>
    `Zu viele Versuche. Versuchen Sie es in ${minutes} ${plural(minutes, { one: 'Minute', other: 'Minuten' })} erneut.`,
};
