import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-content>`: the merchant's policies, contact and custom pages. They ship
 * in the element's own code; their shape is the `ContentMessages` type the other languages must fill.
 */
export const en = {
  kinds: {
    policy: 'Policies',
    contact: 'Contact',
    custom: 'More information',
  },
  empty: 'There is nothing to read here yet.',
  notFound: 'This page does not exist, or the store has removed it.',
  allPages: 'All pages',
  blocked: 'This page cannot be shown here: the store’s security settings do not allow it.',
};

export type ContentMessages = Catalog<typeof en>;
