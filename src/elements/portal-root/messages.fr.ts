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
  accounts: {
    heading: 'Choisissez un compte de facturation',
    intro:
      'Votre adresse ouvre plusieurs comptes de facturation. Choisissez-en un ; vous pouvez en changer à tout moment.',
    listLabel: 'Comptes de facturation',
    code: (code: string) => `Code client ${code}`,
    openNow: 'Ouvert',
    opening: 'Ouverture…',
    none: 'Aucun compte de facturation n’est plus ouvert à cette adresse.',
    current: (name: string) => `Compte : ${name}`,
    switch: 'Changer de compte',
  },
};
