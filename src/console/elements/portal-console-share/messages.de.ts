import type { ShareMessages } from './messages.en.js';

export const de: ShareMessages = {
  linkHeading: 'Link zum Portal',
  linkIntro: 'Schicken Sie Ihre Kunden hierher, damit sie sich in ihrem Abrechnungsportal anmelden.',
  linkLabel: 'Link zum Portal',
  copyLink: 'Link kopieren',
  snippetHeading: 'Portal einbetten',
  snippetIntro:
    'Fügen Sie diesen Code in eine beliebige Seite Ihrer Website ein. Das Portal übernimmt beim Laden Farben, Logo und die Rechte Ihrer Kunden aus Ihren Einstellungen, daher bleibt der Code gleich, wenn Sie diese ändern.',
  snippetLabel: 'Einbettungscode',
  language: 'Sprache des Portals',
  languageHint: 'Die Sprache der Seite oder eine, die Sie wählen.',
  pageLanguage: 'Die Sprache der Seite',
  languages: { en: 'Englisch', fr: 'Französisch', es: 'Spanisch', de: 'Deutsch', ar: 'Arabisch' },
  copySnippet: 'Code kopieren',
  copied: 'In die Zwischenablage kopiert.',
  copyFallback: 'Der Text ist markiert: Drücken Sie Strg+C (⌘C auf einem Mac), um ihn zu kopieren.',
};
