import type { QuickOrderMessages } from './messages.en.js';

export const fr: QuickOrderMessages = {
  button: 'Commande rapide',
  opening: 'Ouverture de la commande…',
  hint: 'Ouvre la page de commande de la boutique, connecté à votre compte.',
};
