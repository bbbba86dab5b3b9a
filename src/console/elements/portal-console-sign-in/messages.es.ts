import { plurals } from '../../../core/i18n/index.js';
import type { SignInMessages } from './messages.en.js';

const plural = plurals('es');

export const es: SignInMessages = {
  heading: 'Iniciar sesión en la consola del comercio',
  intro:
    'Para el personal del comercio. Los clientes inician sesión en el portal de facturación de la tienda.',
  submit: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  invalidCredentials: 'El correo electrónico o la contraseña no son correctos.',
  locked: 'Esta cuenta del personal está bloqueada. Pida al titular de la cuenta que la desbloquee.',
  tooManyAttempts: (minutes: number) =>
    `Demasiados intentos. Inténtelo de nuevo dentro de ${minutes} ${plural(minutes, { one: 'minuto', other: 'minutos' })}.`,
};
