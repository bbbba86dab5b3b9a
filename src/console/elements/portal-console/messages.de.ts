import type { ShellMessages } from './messages.en.js';

export const de: ShellMessages = {
  title: 'Händlerkonsole',
  navigation: 'Bereiche der Konsole',
  signedInAs: (name: string) => `Angemeldet als ${name}`,
  signOut: 'Abmelden',
  signingOut: 'Abmeldung läuft…',
  signOutFailed: 'Die Abmeldung hat nicht funktioniert. Versuchen Sie es erneut.',
  sessionEnded: 'Ihre Sitzung in der Konsole ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
  signedOutNotice: 'Sie haben sich von der Händlerkonsole abgemeldet.',
  sectionFailed: 'Dieser Bereich konnte nicht geladen werden.',
  sections: {
    settings: 'Einstellungen',
    branding: 'Markenauftritt',
    customers: 'Kunden',
    access: 'Zugang',
    logs: 'Zugriffsprotokoll',
    share: 'Teilen',
  },
};
