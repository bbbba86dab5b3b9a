import type { SummaryMessages } from './messages.en.js';

export const es: SummaryMessages = {
  outstanding: 'Saldo pendiente',
  invoiceCount: (count: number, formatted: string) =>
    count === 1 ? `${formatted} factura` : `${formatted} facturas`,
  paidUp: 'Está al día con sus pagos',
  emptyDetail: 'No tiene nada pendiente ni suscripciones activas.',
  nextBilling: 'Próxima facturación',
  nothingScheduled: 'Nada programado',
  billingFrequency: 'Frecuencia de facturación',
  frequency: {
    day: (count: number) => (count === 1 ? 'Diaria' : `Cada ${count} días`),
    week: (count: number) => (count === 1 ? 'Semanal' : `Cada ${count} semanas`),
    month: (count: number) => (count === 1 ? 'Mensual' : `Cada ${count} meses`),
    year: (count: number) => (count === 1 ? 'Anual' : `Cada ${count} años`),
  },
  frequencyMixed: 'Varía según la suscripción',
  noSubscriptions: 'Sin suscripciones activas',
  autoPay: 'Pago automático',
  autoPayOn: 'Activado',
  autoPayOff: 'Desactivado',
  overdue: (amount: string, count: number, formattedCount: string) =>
    count === 1
      ? `Pago vencido: ${amount} en 1 factura.`
      : `Pago vencido: ${amount} en ${formattedCount} facturas.`,
  balanceBreakdown: 'Detalle de este saldo',
  overdueBreakdown: 'Qué facturas están vencidas',
  due: (date: string) => `Vence el ${date}`,
  notShown: (count: number, formatted: string) =>
    count === 1 ? '1 más no se muestra aquí.' : `${formatted} más no se muestran aquí.`,
  payNow: 'Pagar ahora',
  seeAllOutstanding: 'Ver todas las facturas pendientes',
  manageSubscriptions: 'Gestionar suscripciones',
  managePaymentMethods: 'Gestionar métodos de pago',
  updated: (balance: string) => `Resumen de facturación actualizado. Saldo pendiente: ${balance}.`,
};
