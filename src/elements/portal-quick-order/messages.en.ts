import type { Catalog } from '../../core/i18n/index.js';

/** The English messages of `<portal-quick-order>`: the button that opens the store's checkout signed in. */
export const en = {
  button: 'Quick order',
  opening: 'Opening the checkout…',
  hint: 'Opens the store’s checkout, signed in as you.',
};

export type QuickOrderMessages = Catalog<typeof en>;
