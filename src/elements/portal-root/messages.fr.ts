import type { RootMessages } from './messages.en.js';

export const fr: RootMessages = {
  regionLabel: (merchant: string) => `Portail de facturation ${merchant}`,
  navLabel: 'Sections du portail de facturation',
  signedInAs: (name: string) => `Connecté en tant que ${name}`,
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
  sections: {
    overview: 'Aperçu',
    invoices: 'Factures',
    paymentMethods: 'Moyens de paiement',
    subscriptions: 'Abonnements',
    profile: 'Profil',
    policies: 'Conditions',
  },
  customerCode: 'Code client',
  backToInvoices: 'Retour aux factures',
  previewBanner: 'Aperçu : vous voyez le portail comme ce client. Aucune modification n’est possible.',
  endPreview: 'Terminer l’aperçu',
  welcome: (name: string) => `Bienvenue, ${name}.`,
  overviewIntro: 'Votre facturation en un coup d’œil.',
};
