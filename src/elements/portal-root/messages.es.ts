import type { RootMessages } from './messages.en.js';

export const es: RootMessages = {
  regionLabel: (merchant: string) => `Portal de facturación de ${merchant}`,
  navLabel: 'Secciones del portal de facturación',
  signedInAs: (name: string) => `Sesión iniciada como ${name}`,
  signOut: 'Cerrar sesión',
  signingOut: 'Cerrando sesión…',
  sections: {
    overview: 'Resumen',
    invoices: 'Facturas',
    paymentMethods: 'Métodos de pago',
    subscriptions: 'Suscripciones',
    profile: 'Perfil',
    policies: 'Políticas',
  },
  customerCode: 'Código de cliente',
  backToInvoices: 'Volver a las facturas',
  previewBanner: 'Vista previa: ve el portal como este cliente. No se puede cambiar nada.',
  endPreview: 'Terminar la vista previa',
  welcome: (name: string) => `Hola, ${name}.`,
  overviewIntro: 'Su facturación de un vistazo.',
  accounts: {
    heading: 'Elija una cuenta de facturación',
    intro: 'Su dirección abre varias cuentas de facturación. Elija una; puede cambiar en cualquier momento.',
    listLabel: 'Cuentas de facturación',
    code: (code: string) => `Código de cliente ${code}`,
    openNow: 'Abierta',
    opening: 'Abriendo…',
    none: 'Esta dirección ya no tiene acceso a ninguna cuenta de facturación.',
    current: (name: string) => `Cuenta: ${name}`,
    switch: 'Cambiar de cuenta',
  },
};
