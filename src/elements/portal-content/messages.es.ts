import type { ContentMessages } from './messages.en.js';

export const es: ContentMessages = {
  kinds: {
    policy: 'Políticas',
    contact: 'Contacto',
    custom: 'Más información',
  },
  empty: 'Todavía no hay nada que leer aquí.',
  notFound: 'Esta página no existe o la tienda la ha retirado.',
  allPages: 'Todas las páginas',
  blocked: 'Esta página no se puede mostrar aquí: la configuración de seguridad de la tienda no lo permite.',
};
