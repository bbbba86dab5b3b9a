import type { ShareMessages } from './messages.en.js';

export const fr: ShareMessages = {
  linkHeading: 'Lien du portail',
  linkIntro: 'Envoyez vos clients ici pour qu’ils se connectent à leur portail de facturation.',
  linkLabel: 'Lien vers le portail',
  copyLink: 'Copier le lien',
  snippetHeading: 'Intégrer le portail',
  snippetIntro:
    'Collez ce code dans n’importe quelle page de votre site. Le portail prend ses couleurs, son logo et ce que vos clients peuvent faire dans vos paramètres au chargement : le code reste le même quand vous les modifiez.',
  snippetLabel: 'Code d’intégration',
  language: 'Langue du portail',
  languageHint: 'La langue de la page, ou celle que vous choisissez.',
  pageLanguage: 'La langue de la page',
  languages: { en: 'Anglais', fr: 'Français', es: 'Espagnol', de: 'Allemand', ar: 'Arabe' },
  copySnippet: 'Copier le code',
  copied: 'Copié dans le presse-papiers.',
  copyFallback: 'Le texte est sélectionné : appuyez sur Ctrl+C (⌘C sur un Mac) pour le copier.',
};
