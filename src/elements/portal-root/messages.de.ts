import type { RootMessages } from './messages.en.js';

export const de: RootMessages = {
  regionLabel: (merchant: string) => `Abrechnungsportal von ${merchant}`,
  navLabel: 'Bereiche des Abrechnungsportals',
  signedInAs: (name: string) => `Angemeldet als ${name}`,
  signOut: 'Abmelden',
  signingOut: 'Abmeldung läuft…',
  sections: {
    overview: 'Übersicht',
    invoices: 'Rechnungen',
    paymentMethods: 'Zahlungsmethoden',
    subscriptions: 'Abonnements',
    profile: 'Profil',
    policies: 'Richtlinien',
  },
  customerCode: 'Kundennummer',
  backToInvoices: 'Zurück zu den Rechnungen',
  previewBanner: 'Vorschau: Sie sehen das Portal so, wie dieser Kunde es sieht. Nichts kann geändert werden.',
  endPreview: 'Vorschau beenden',
  welcome: (name: string) => `Willkommen, ${name}.`,
  overviewIntro: 'Ihre Abrechnung bei uns auf einen Blick.',
  accounts: {
    heading: 'Rechnungskonto wählen',
    intro: 'Ihre Adresse öffnet mehrere Rechnungskonten. Wählen Sie eines; Sie können jederzeit wechseln.',
    listLabel: 'Rechnungskonten',
    code: (code: string) => `Kundennummer ${code}`,
    openNow: 'Geöffnet',
    opening: 'Wird geöffnet…',
    none: 'Diese Adresse hat keinen Zugang mehr zu einem Rechnungskonto.',
    current: (name: string) => `Konto: ${name}`,
    switch: 'Konto wechseln',
  },
};
