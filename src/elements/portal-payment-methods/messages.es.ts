import type { PaymentMethodsMessages } from './messages.en.js';

export const es: PaymentMethodsMessages = {
  heading: 'Métodos de pago',
  empty: 'No tiene métodos de pago registrados.',
  cards: 'Tarjetas',
  bankAccounts: 'Cuentas bancarias',
  expiresSoon: 'Caduca pronto',
  expired: 'Caducada',
  isDefault: 'Predeterminado',
  makeDefaultOf: (label: string) => `Hacer predeterminado: ${label}`,
  remove: 'Eliminar',
  removeOf: (label: string) => `Eliminar ${label}`,
  notRemovable: {
    bank_account: 'Solo el comercio puede eliminar cuentas bancarias.',
    last_card_required: 'Debe quedar una tarjeta registrada: la última tarjeta no se puede eliminar.',
    removing_turned_off: 'La eliminación de tarjetas está desactivada.',
  },
  addCard: 'Añadir una tarjeta',
  addBankAccount: 'Añadir una cuenta bancaria',
  saveCard: 'Guardar tarjeta',
  saveBankAccount: 'Guardar cuenta',
  verifyingCard: 'Comprobando la tarjeta con su banco…',
  cardHeading: 'Añadir una tarjeta',
  bankHeading: 'Añadir una cuenta bancaria',
  cardUnavailable: 'No se pudieron cargar los campos de la tarjeta. Inténtelo de nuevo en un momento.',
  verifyNotice:
    'Comprobamos la tarjeta con una autorización de importe cero antes de guardarla. No se le cobrará nada.',
  testMode: 'Modo de prueba: solo se aceptan tarjetas de prueba.',
  makeNewDefault: 'Convertirlo en mi método de pago predeterminado',
  accountNumberAgain: 'Número de cuenta (repetir)',
  accountNumbersDiffer: 'Los números de cuenta no coinciden.',
  declined: 'Su banco rechazó la tarjeta, así que no se guardó. Pruebe otra tarjeta o contacte con su banco.',
  authenticationFailed: 'La comprobación con su banco no se completó, así que la tarjeta no se guardó.',
  unknownOutcome:
    'No pudimos confirmar si se guardó. La lista muestra lo que está registrado ahora; revísela antes de volver a intentarlo.',
  removeUnknownOutcome:
    'No pudimos confirmar si se eliminó. La lista muestra lo que está registrado ahora; revísela antes de volver a intentarlo.',
  added: (label: string) => `Se añadió ${label}.`,
  removed: (label: string) => `Se eliminó ${label}.`,
  removeHeading: (label: string) => `¿Eliminar ${label}?`,
  removeKeep: 'Conservarla',
  removeConfirm: 'Eliminar',
  dependsAutoPay: 'El pago automático carga en él sus facturas pendientes.',
  dependsSubscription: (plan: string) => `${plan} se renueva con este método.`,
  dependsNothing: 'No se le carga nada automáticamente.',
  chooseNewDefault: '¿Qué método de pago pasa a ser el predeterminado?',
  overdueOffer: (count: number, label: string) =>
    count === 1
      ? `Tiene una factura vencida. ¿Pagarla ahora con ${label}?`
      : `Tiene ${count} facturas vencidas. ¿Pagarlas ahora con ${label}?`,
  payOverdue: 'Pagar ahora',
  notNow: 'Ahora no',
};
