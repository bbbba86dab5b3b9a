import type { PayMessages } from './messages.en.js';

export const de: PayMessages = {
  heading: (number: string) => `${number} bezahlen`,
  amountDue: 'Offener Betrag',
  dueDate: 'Fällig',
  amountLegend: 'Wie viel möchten Sie bezahlen?',
  payFull: (amount: string) => `Den offenen Betrag: ${amount}`,
  payPart: 'Einen Teil des offenen Betrags',
  amountLabel: (currency: string) => `Zu zahlender Betrag (${currency})`,
  amountHint: (max: string) => `Bis zu ${max}.`,
  amountRequired: 'Geben Sie den zu zahlenden Betrag ein.',
  amountInvalid: (example: string) => `Geben Sie einen Betrag wie ${example} ein.`,
  amountPrecision: (digits: number) =>
    digits === 0
      ? 'Geben Sie einen ganzen Betrag ohne Nachkommastellen ein.'
      : digits === 1
        ? 'Verwenden Sie höchstens 1 Nachkommastelle.'
        : `Verwenden Sie höchstens ${digits} Nachkommastellen.`,
  amountZero: 'Geben Sie einen Betrag größer als null ein.',
  amountTooLarge: (max: string) => `Geben Sie höchstens ${max} ein, den offenen Betrag.`,
  methodRequired: 'Wählen Sie eine Zahlungsmethode.',
  splitStart: 'Auf mehrere Zahlungsmethoden aufteilen',
  splitStop: 'Doch mit einer Zahlungsmethode bezahlen',
  splitLegend: 'Auf mehrere Zahlungsmethoden aufteilen',
  splitHint: (max: number) =>
    `Verwenden Sie bis zu ${max} Zahlungsmethoden, jede einmal. Die Beträge werden nacheinander belastet.`,
  rowMethod: (n: number) => `Zahlungsmethode ${n}`,
  rowAmount: (n: number, currency: string) => `Betrag ${n} (${currency})`,
  expiredOption: (label: string) => `${label} (abgelaufen)`,
  rowAdded: (n: number) => `Zahlung ${n} hinzugefügt.`,
  maxRows: (max: number) => `Sie verwenden die höchstens erlaubte Anzahl an Zahlungsmethoden (${max}).`,
  remove: 'Entfernen',
  removeRow: (n: number) => `Zahlung ${n} entfernen`,
  rowRemoved: (n: number) => `Zahlung ${n} entfernt.`,
  fillRest: 'Restbetrag verwenden',
  fillRestRow: (n: number) => `Restbetrag für Zahlung ${n} verwenden`,
  leftToAllocate: (amount: string) => `Noch zuzuordnen: ${amount}`,
  overAllocated: (over: string, due: string) =>
    `Diese Beträge liegen ${over} über dem offenen Betrag (${due}). Verringern Sie sie, um fortzufahren.`,
  leftStaysDue: 'Alles, was nicht zugeordnet ist, bleibt auf der Rechnung offen.',
  mustAllocateAll: (left: string) =>
    `Ordnen Sie den gesamten offenen Betrag zu: ${left} sind noch nicht zugeordnet.`,
  methodRepeated:
    'Diese Zahlungsmethode wird bereits für eine andere Zahlung verwendet. Wählen Sie eine andere.',
  fixErrors: 'Bitte korrigieren Sie die markierten Angaben.',
  review: 'Zahlung prüfen',
  reviewHeading: 'Ihre Zahlung prüfen',
  reviewIntro: 'Es wird nichts belastet, bevor Sie bestätigen.',
  invoice: 'Rechnung',
  chargeTo: 'Belastet auf',
  charge: 'Betrag',
  total: 'Zu zahlender Gesamtbetrag',
  remainsDue: 'Nach dieser Zahlung noch offen',
  confirm: (amount: string) => `${amount} bezahlen`,
  paying: 'Zahlung läuft…',
  processing: 'Ihre Zahlung wird verarbeitet. Bitte warten Sie.',
  unknownHeading: 'Wir konnten Ihre Zahlung nicht bestätigen',
  unknownBody:
    'Ihre Zahlung ist möglicherweise durchgegangen, möglicherweise auch nicht. Zahlen Sie nicht erneut, sondern prüfen Sie erneut, um es herauszufinden. Eine erneute Prüfung belastet Sie nie doppelt.',
  stillUnknown:
    'Wir konnten Ihre Zahlung noch immer nicht bestätigen. Prüfen Sie Ihre Verbindung und dann erneut die Zahlung.',
  receiptHeading: {
    succeeded: 'Zahlung erhalten',
    partially_succeeded: 'Zahlung teilweise erhalten',
    failed: 'Zahlung nicht erfolgt',
  },
  paid: (amount: string, number: string) => `${amount} wurden auf ${number} bezahlt. Vielen Dank.`,
  chargedTo: (amount: string, method: string) => `${amount} wurden von ${method} abgebucht.`,
  declinedOn: (amount: string, method: string) =>
    `${amount} über ${method} wurden abgelehnt: Es wurde nichts abgebucht.`,
  insufficientOn: (amount: string, method: string) =>
    `${amount} über ${method} wurden wegen fehlender Deckung abgelehnt: Es wurde nichts abgebucht.`,
  errorOn: (amount: string, method: string) =>
    `${amount} über ${method} konnten nicht verarbeitet werden: Es wurde nichts abgebucht.`,
  nothingCharged: 'Es wurde nichts belastet. Sie können eine andere Zahlungsmethode versuchen.',
  outcomeColumn: 'Ergebnis',
  outcome: {
    succeeded: 'Belastet',
    declined: 'Abgelehnt',
    insufficient_funds: 'Abgelehnt: keine ausreichende Deckung',
    processing_error: 'Nicht belastet: Verarbeitungsfehler',
  },
  chargedTotal: 'Insgesamt belastet',
  stillDue: 'Noch offen',
  payRest: (amount: string) => `Die restlichen ${amount} mit einer anderen Methode bezahlen`,
  tryAnother: 'Andere Zahlungsmethode versuchen',
  noInvoice: 'Wählen Sie eine Rechnung zum Bezahlen aus.',
  nothingToPay: (number: string) => `Auf ${number} ist nichts mehr zu bezahlen.`,
  paymentsOff: (merchant: string) =>
    `${merchant} nimmt in diesem Portal keine Zahlungen an. Bitte wenden Sie sich an den Händler, um diese Rechnung zu bezahlen.`,
  contact: (email: string) => `An ${email} schreiben`,
  noMethods:
    'Sie haben keine Zahlungsmethode, mit der diese Rechnung bezahlt werden kann. Fügen Sie eine Karte oder ein Bankkonto hinzu und kommen Sie dann zurück.',
  forbidden:
    'Diese Zahlungsart ist nicht mehr verfügbar, daher wurde nichts belastet. Prüfen Sie Ihre Zahlung.',
  conflict:
    'Diese Rechnung hat sich inzwischen geändert, daher wurde nichts belastet. Prüfen Sie den offenen Betrag.',
  methodGone:
    'Eine gewählte Zahlungsmethode ist nicht mehr verfügbar, daher wurde nichts belastet. Wählen Sie eine andere.',
  declined:
    'Die Zahlung wurde abgelehnt, daher wurde nichts belastet. Versuchen Sie eine andere Zahlungsmethode.',
  newCardHint: 'Sie wird beim Bezahlen in Ihren Zahlungsmethoden gespeichert.',
  cardUnavailable:
    'Die Kartenfelder konnten nicht geladen werden. Versuchen Sie es gleich noch einmal oder wählen Sie eine andere Methode.',
  cardDeclined:
    'Ihre Bank hat die Karte abgelehnt, daher wurde sie nicht gespeichert und nichts belastet. Versuchen Sie es mit einer anderen Karte.',
  cardAuthFailed:
    'Die Prüfung durch Ihre Bank wurde nicht abgeschlossen, daher wurde die Karte nicht gespeichert und nichts belastet.',
  cardNotSaved: (reason: string) =>
    `Die Karte wurde nicht gespeichert und es wurde nichts belastet. ${reason}`,
  cardUnknown:
    'Wir konnten nicht bestätigen, dass Ihre Karte gespeichert wurde. Es wurde nichts belastet. Prüfen Sie vor dem Bezahlen Ihre Zahlungsmethoden.',
  tooLarge: 'Das ist mehr als der offene Betrag.',
};
