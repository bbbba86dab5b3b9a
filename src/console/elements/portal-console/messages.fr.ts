import type { ShellMessages } from './messages.en.js';

export const fr: ShellMessages = {
  title: 'Console marchand',
  navigation: 'Sections de la console',
  signedInAs: (name: string) => `Connecté en tant que ${name}`,
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
  signOutFailed: 'La déconnexion n’a pas abouti. Réessayez.',
  sessionEnded: 'Votre session sur la console a pris fin. Reconnectez-vous pour continuer.',
  signedOutNotice: 'Vous êtes déconnecté de la console marchand.',
  sectionFailed: 'Cette section n’a pas pu être chargée.',
  sections: {
    settings: 'Paramètres',
    branding: 'Image de marque',
    customers: 'Clients',
    access: 'Accès',
    logs: 'Journal des accès',
    share: 'Partager',
  },
};
