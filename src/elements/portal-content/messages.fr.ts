import type { ContentMessages } from './messages.en.js';

export const fr: ContentMessages = {
  kinds: {
    policy: 'Conditions',
    contact: 'Contact',
    custom: 'Informations',
  },
  empty: 'Il n’y a encore rien à lire ici.',
  notFound: 'Cette page n’existe pas, ou la boutique l’a retirée.',
  allPages: 'Toutes les pages',
  blocked:
    'Cette page ne peut pas s’afficher ici : les réglages de sécurité de la boutique ne le permettent pas.',
};
