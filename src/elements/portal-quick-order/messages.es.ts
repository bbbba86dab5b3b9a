import type { QuickOrderMessages } from './messages.en.js';

export const es: QuickOrderMessages = {
  button: 'Pedido rápido',
  opening: 'Abriendo la caja…',
  hint: 'Abre la caja de la tienda con su sesión iniciada.',
};
