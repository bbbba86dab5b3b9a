import type { ShellMessages } from './messages.en.js';

export const es: ShellMessages = {
  title: 'Consola del comercio',
  navigation: 'Secciones de la consola',
  signedInAs: (name: string) => `Sesión iniciada como ${name}`,
  signOut: 'Cerrar sesión',
  signingOut: 'Cerrando sesión…',
  signOutFailed: 'No se pudo cerrar la sesión. Inténtelo de nuevo.',
  sessionEnded: 'Su sesión en la consola ha terminado. Inicie sesión de nuevo para continuar.',
  signedOutNotice: 'Ha cerrado la sesión de la consola del comercio.',
  sectionFailed: 'No se pudo cargar esta sección.',
  sections: {
    settings: 'Configuración',
    branding: 'Imagen de marca',
    customers: 'Clientes',
    access: 'Acceso',
    logs: 'Registro de accesos',
    share: 'Compartir',
  },
};
