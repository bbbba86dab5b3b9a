import type { PaymentMethodsMessages } from './messages.en.js';

export const de: PaymentMethodsMessages = {
  heading: 'Zahlungsmethoden',
  empty: 'Sie haben keine Zahlungsmethoden hinterlegt.',
  cards: 'Karten',
  bankAccounts: 'Bankkonten',
  expiresSoon: 'Läuft bald ab',
  expired: 'Abgelaufen',
  isDefault: 'Standard',
  makeDefaultOf: (label: string) => `Als Standard festlegen: ${label}`,
  remove: 'Entfernen',
  removeOf: (label: string) => `${label} entfernen`,
  notRemovable: {
    bank_account: 'Bankkonten können nur vom Händler entfernt werden.',
    last_card_required:
      'Es muss eine Karte hinterlegt bleiben, daher kann die letzte Karte nicht entfernt werden.',
    removing_turned_off: 'Das Entfernen von Karten ist deaktiviert.',
  },
  addCard: 'Karte hinzufügen',
  addBankAccount: 'Bankkonto hinzufügen',
  saveCard: 'Karte speichern',
  saveBankAccount: 'Bankkonto speichern',
  verifyingCard: 'Die Karte wird bei Ihrer Bank geprüft…',
  cardHeading: 'Karte hinzufügen',
  bankHeading: 'Bankkonto hinzufügen',
  cardUnavailable: 'Die Kartenfelder konnten nicht geladen werden. Versuchen Sie es gleich noch einmal.',
  verifyNotice:
    'Wir prüfen die Karte vor dem Speichern mit einer Autorisierung über 0 €. Ihnen wird nichts berechnet.',
  testMode: 'Testmodus: Es werden nur Testkarten akzeptiert.',
  makeNewDefault: 'Als meine Standard-Zahlungsmethode festlegen',
  accountNumberAgain: 'Kontonummer wiederholen',
  accountNumbersDiffer: 'Die Kontonummern stimmen nicht überein.',
  declined:
    'Ihre Bank hat die Karte abgelehnt, daher wurde sie nicht gespeichert. Versuchen Sie eine andere Karte oder wenden Sie sich an Ihre Bank.',
  authenticationFailed:
    'Die Prüfung durch Ihre Bank wurde nicht abgeschlossen, daher wurde die Karte nicht gespeichert.',
  unknownOutcome:
    'Wir konnten nicht bestätigen, ob das gespeichert wurde. Die Liste unten zeigt, was jetzt hinterlegt ist; prüfen Sie sie, bevor Sie es erneut versuchen.',
  removeUnknownOutcome:
    'Wir konnten nicht bestätigen, ob es entfernt wurde. Die Liste unten zeigt, was jetzt hinterlegt ist; prüfen Sie sie, bevor Sie es erneut versuchen.',
  added: (label: string) => `${label} wurde hinzugefügt.`,
  removed: (label: string) => `${label} wurde entfernt.`,
  removeHeading: (label: string) => `${label} entfernen?`,
  removeKeep: 'Behalten',
  removeConfirm: 'Entfernen',
  dependsAutoPay: 'Die automatische Zahlung belastet Ihre offenen Rechnungen darauf.',
  dependsSubscription: (plan: string) => `${plan} wird darüber verlängert.`,
  dependsNothing: 'Darauf wird nichts automatisch belastet.',
  chooseNewDefault: 'Welche Zahlungsmethode wird zum Standard?',
  overdueOffer: (count: number, label: string) =>
    count === 1
      ? `Sie haben eine überfällige Rechnung. Jetzt mit ${label} bezahlen?`
      : `Sie haben ${count} überfällige Rechnungen. Jetzt mit ${label} bezahlen?`,
  payOverdue: 'Jetzt bezahlen',
  notNow: 'Nicht jetzt',
};
