import type { ContentMessages } from './messages.en.js';

export const de: ContentMessages = {
  kinds: {
    policy: 'Richtlinien',
    contact: 'Kontakt',
    custom: 'Weitere Informationen',
  },
  empty: 'Hier gibt es noch nichts zu lesen.',
  notFound: 'Diese Seite existiert nicht, oder der Shop hat sie entfernt.',
  allPages: 'Alle Seiten',
  blocked:
    'Diese Seite kann hier nicht angezeigt werden: Die Sicherheitseinstellungen des Shops erlauben es nicht.',
};
