import type { ProfileMessages } from './messages.en.js';

export const es: ProfileMessages = {
  heading: 'Sus datos',
  detailsHeading: 'Nombre y empresa',
  addressesHeading: 'Direcciones y contactos',
  emailHeading: 'Correo electrónico',
  taxHeading: 'Datos fiscales y de compra',
  billingAddress: 'Dirección de facturación',
  shippingAddress: 'Dirección de envío',
  billingContact: 'Contacto de facturación',
  shippingContact: 'Contacto de envío',
  contactName: 'Nombre del contacto',
  contactEmail: 'Correo del contacto',
  contactPhone: 'Teléfono del contacto',
  sameAsBilling: 'Enviar a la dirección de facturación',
  contactHint: 'A quién escribimos sobre facturas o envíos. Déjelo en blanco para no tener ninguno.',
  saveDetails: 'Guardar nombre y empresa',
  saveAddresses: 'Guardar direcciones y contactos',
  saveTax: 'Guardar datos fiscales',
  saved: 'Sus cambios se han guardado.',
  unknownOutcome:
    'No pudimos confirmar si sus cambios se guardaron. Lo que escribió sigue aquí; revíselo y vuelva a guardar.',
  confirmUnknownOutcome:
    'No pudimos confirmar el cambio. Vuelva a cargar la página: si aparece la nueva dirección, se realizó; si no, pida un enlace nuevo.',
  readOnly: (merchant: string) =>
    `${merchant} no permite cambiar estos datos en el portal. Póngase en contacto con ellos para cualquier cambio.`,
  readOnlyWithEmail: (merchant: string, email: string) =>
    `${merchant} no permite cambiar estos datos en el portal. Escriba a ${email} para cualquier cambio.`,
  none: 'Nada registrado',
  currentEmail: 'Dirección actual',
  newEmail: 'Nuevo correo electrónico',
  newEmailHint: 'Enviamos un enlace a la nueva dirección. Su dirección solo cambia cuando lo abra.',
  sendLink: 'Enviar enlace de confirmación',
  emailSame: 'Ya es su correo electrónico.',
  emailTaken: 'Otra cuenta usa esta dirección. Elija otra.',
  emailOwnerOnly:
    'Solo el titular de la cuenta puede cambiar esta dirección, porque es la que usa para iniciar sesión.',
  pendingEmail: (email: string) =>
    `Confirme el enlace que enviamos a ${email}. Hasta entonces, su correo no cambia.`,
  linkSent: (email: string) => `Enviamos un enlace de confirmación a ${email}.`,
  confirmHeading: 'Confirme su nuevo correo electrónico',
  confirmText: 'Pulse Confirmar para que la dirección de este enlace sea el correo de su cuenta.',
  confirm: 'Confirmar',
  confirming: 'Confirmando…',
  emailChanged: (email: string) => `Su correo electrónico ahora es ${email}.`,
  linkInvalid: 'Este enlace de cambio de correo no es válido, ya se usó o caducó. Pida uno nuevo.',
  dismiss: 'Cerrar',
  poNumber: 'Número de orden de compra',
  vatNumber: 'Número de IVA',
  vatHint: (example: string) => `Por ejemplo ${example}.`,
  vatInvalid: (example: string) => `Introduzca un número de IVA como ${example}.`,
  vatInvalidGeneric: 'Introduzca el número de IVA con su prefijo de país, como ESX1234567X.',
  registrationNumber: 'Número de registro mercantil',
  futureInvoices:
    'Los cambios se aplican a las próximas facturas. Las facturas ya emitidas conservan los datos con que se emitieron.',
  verification: {
    verified: (date: string) => `Verificado en el registro fiscal el ${date}.`,
    not_registered:
      'El registro fiscal no tiene este número. Revíselo o póngase en contacto con nosotros si es correcto.',
    unavailable:
      'No se pudo contactar con el registro fiscal, así que este número aún no está verificado. Se guardó tal como lo escribió.',
  },
  defaultMethod: 'Método de pago predeterminado',
  defaultMethodHint: 'Se usa para los pagos automáticos y se propone al pagar.',
  noMethods: 'No hay métodos de pago registrados.',
};
