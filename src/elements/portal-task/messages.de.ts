import type { TaskMessages } from './messages.en.js';

export const de: TaskMessages = {
  titles: {
    'pay-invoice': 'Rechnung bezahlen',
    'add-payment-method': 'Karte hinzufügen',
    'replace-payment-method': 'Karte ersetzen',
    'change-subscription': 'Abonnement ändern',
    'cancel-subscription': 'Abonnement kündigen',
    'update-billing-details': 'Rechnungsangaben aktualisieren',
  },
  unknownTitle: 'Nicht verfügbar',
  backToStore: 'Zurück zum Shop',
  closed: 'Sie haben dies geschlossen, ohne es abzuschließen.',
  startAgain: 'Neu beginnen',
  replacing: (card: string) =>
    `Fügen Sie die Karte hinzu, die ${card} ersetzt. Sie wird Ihre Standard-Zahlungsmethode; ${card} bleibt gespeichert, bis Sie sie entfernen.`,
  refused: {
    unknownTask: 'Dieser Link öffnet nichts, was wir kennen. An Ihrem Konto wurde nichts geändert.',
    off: 'Dies ist online nicht möglich. Bitte kontaktieren Sie uns, wir helfen gern.',
    invoiceNotFound: 'Wir haben diese Rechnung in Ihrem Konto nicht gefunden.',
    methodNotFound:
      'Wir haben diese Karte in Ihrem Konto nicht gefunden. Vielleicht wurde sie schon entfernt.',
    subscriptionNotFound: 'Wir haben dieses Abonnement in Ihrem Konto nicht gefunden.',
    nothingToPay: (invoice: string) => `Für ${invoice} ist nichts mehr zu bezahlen.`,
    cannotChange: (plan: string) => `${plan} kann nicht online geändert werden.`,
    cannotCancel: (plan: string) => `${plan} kann nicht online gekündigt werden.`,
  },
  confirmed: {
    'pay-invoice': 'Zahlung erfolgt',
    'add-payment-method': 'Karte hinzugefügt',
    'replace-payment-method': 'Karte ersetzt',
    'change-subscription': 'Abonnement geändert',
    'cancel-subscription': 'Abonnement aktualisiert',
    'update-billing-details': 'Rechnungsangaben gespeichert',
  },
  paid: (amount: string, invoice: string) => `${amount} wurden für ${invoice} bezahlt.`,
  stillDue: (amount: string) => `${amount} sind noch offen.`,
  added: (card: string) => `${card} ist in Ihrem Konto gespeichert.`,
  removeOld: (card: string) => `${card} entfernen`,
  removed: (card: string) => `${card} wurde entfernt.`,
  changed: (plan: string, date: string) => `Ihr Abonnement ist ab ${date} ${plan}.`,
  cancelledNow: (plan: string) => `${plan} ist gekündigt.`,
  cancelledOn: (plan: string, date: string) => `${plan} endet am ${date}. Bis dahin bleibt es Ihnen.`,
  offerAccepted: (plan: string) => `${plan} läuft weiter, mit Ihrem Rabatt.`,
  paused: (plan: string, date: string) => `${plan} ist bis ${date} pausiert.`,
  profileSaved: 'Ihre Rechnungsangaben sind aktuell.',
};
