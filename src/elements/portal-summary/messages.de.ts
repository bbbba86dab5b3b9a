import type { SummaryMessages } from './messages.en.js';

export const de: SummaryMessages = {
  outstanding: 'Offener Betrag',
  invoiceCount: (count: number, formatted: string) =>
    count === 1 ? `${formatted} Rechnung` : `${formatted} Rechnungen`,
  paidUp: 'Sie haben alles bezahlt',
  emptyDetail: 'Es ist nichts fällig, und Sie haben keine aktiven Abonnements.',
  nextBilling: 'Nächstes Abrechnungsdatum',
  nothingScheduled: 'Nichts geplant',
  billingFrequency: 'Abrechnungsintervall',
  frequency: {
    day: (count: number) => (count === 1 ? 'Täglich' : `Alle ${count} Tage`),
    week: (count: number) => (count === 1 ? 'Wöchentlich' : `Alle ${count} Wochen`),
    month: (count: number) => (count === 1 ? 'Monatlich' : `Alle ${count} Monate`),
    year: (count: number) => (count === 1 ? 'Jährlich' : `Alle ${count} Jahre`),
  },
  frequencyMixed: 'Je nach Abonnement unterschiedlich',
  noSubscriptions: 'Keine aktiven Abonnements',
  autoPay: 'Automatische Zahlung',
  autoPayOn: 'Ein',
  autoPayOff: 'Aus',
  overdue: (amount: string, count: number, formattedCount: string) =>
    count === 1
      ? `${amount} sind bei 1 Rechnung überfällig.`
      : `${amount} sind bei ${formattedCount} Rechnungen überfällig.`,
  balanceBreakdown: 'Woraus sich dieser Betrag zusammensetzt',
  overdueBreakdown: 'Welche Rechnungen überfällig sind',
  due: (date: string) => `Fällig am ${date}`,
  notShown: (count: number, formatted: string) =>
    count === 1
      ? '1 weitere wird hier nicht angezeigt.'
      : `${formatted} weitere werden hier nicht angezeigt.`,
  seeAllOutstanding: 'Alle offenen Rechnungen anzeigen',
  payNow: 'Jetzt bezahlen',
  manageSubscriptions: 'Abonnements verwalten',
  managePaymentMethods: 'Zahlungsmethoden verwalten',
  updated: (balance: string) => `Abrechnungsübersicht aktualisiert. Offener Betrag: ${balance}.`,
};
