import type { SubscriptionsMessages } from './messages.en.js';

type Interval = 'day' | 'week' | 'month' | 'year';
const UNITS: Record<Interval, [string, string]> = {
  day: ['jeden Tag', 'Tage'],
  week: ['jede Woche', 'Wochen'],
  month: ['jeden Monat', 'Monate'],
  year: ['jedes Jahr', 'Jahre'],
};

export const de: SubscriptionsMessages = {
  heading: 'Abonnements',
  empty: 'Sie haben keine Abonnements.',
  every: (interval: Interval, count: number) =>
    count === 1 ? UNITS[interval][0] : `alle ${count} ${UNITS[interval][1]}`,
  priceEvery: (price: string, every: string) => `${price} ${every}`,
  status: {
    trialing: 'Kostenlose Testphase',
    active: 'Aktiv',
    past_due: 'Zahlung überfällig',
    paused: 'Pausiert',
    canceled: 'Gekündigt',
    cancelling: 'Wird gekündigt',
  },
  trialUntil: (date: string) => `Kostenlose Testphase bis ${date}`,
  pausedUntil: (date: string) => `Pausiert bis ${date}; danach läuft es automatisch weiter.`,
  endsOn: (date: string) => `Endet am ${date}. Bis dahin können Sie es weiter nutzen.`,
  canceledOn: (date: string) => `Gekündigt am ${date}.`,
  pastDue:
    'Die letzte Zahlung ist fehlgeschlagen. Aktualisieren Sie Ihre Zahlungsmethode oder bezahlen Sie die offene Rechnung.',
  quantity: 'Menge',
  price: 'Preis',
  products: 'Enthält',
  times: (name: string, quantity: number) => `${name} × ${quantity}`,
  nextBilling: 'Nächste Abrechnung',
  nextBillingValue: (amount: string, date: string) => `${amount} am ${date}`,
  chargedTo: 'Abgerechnet über',
  chargedToDefault: 'Ihre Standard-Zahlungsmethode',
  discount: 'Rabatt',
  discountValue: (percent: number, periods: number) =>
    periods === 1
      ? `${percent}\u00a0% Rabatt auf die nächste Verlängerung`
      : `${percent}\u00a0% Rabatt auf die nächsten ${periods} Verlängerungen`,
  terms: 'Konditionen',
  started: 'Beginn',
  scheduledChange: (plan: string, quantity: number, price: string, date: string) =>
    `Wechselt am ${date} zu ${plan} × ${quantity} (${price}).`,
  change: 'Tarif oder Menge ändern',
  changeOf: (plan: string) => `Tarif oder Menge von ${plan} ändern`,
  cancel: 'Abonnement kündigen',
  cancelOf: (plan: string) => `Abonnement ${plan} kündigen`,
  pause: 'Pausieren',
  pauseOf: (plan: string) => `${plan} pausieren`,
  resume: 'Jetzt fortsetzen',
  resumeOf: (plan: string) => `Jetzt fortsetzen: ${plan}`,
  undoCancel: 'Abonnement behalten',
  undoCancelOf: (plan: string) => `Abonnement ${plan} behalten`,
  withdraw: 'Änderung zurückziehen',
  withdrawOf: (plan: string) => `Änderung zurückziehen: ${plan}`,
  subscribe: 'Einen Tarif abonnieren',
  working: 'Wird bearbeitet…',
  // Abonnieren
  plansHeading: 'Tarif auswählen',
  noPlans: 'Derzeit können keine Tarife abonniert werden.',
  trialDays: (days: number) => (days === 1 ? '1 Tag kostenlos testen' : `${days} Tage kostenlos testen`),
  choosePlan: 'Auswählen',
  choosePlanOf: (plan: string) => `${plan} auswählen`,
  detailsHeading: (plan: string) => `${plan} abonnieren`,
  quantityHint: (min: number, max: number) => `Von ${min} bis ${max}.`,
  quantityRange: (min: number, max: number) => `Wählen Sie eine Menge von ${min} bis ${max}.`,
  noMethods: 'Fügen Sie zuerst eine Zahlungsmethode hinzu; Abonnements werden darüber abgerechnet.',
  newCardElsewhere:
    'Um mit einer neuen Karte zu bezahlen, fügen Sie sie zuerst unter Zahlungsmethoden hinzu.',
  newCardHint: 'Wird beim Abschließen unter Ihren Zahlungsmethoden gespeichert.',
  cardUnavailable:
    'Die Kartenfelder konnten nicht geladen werden. Versuchen Sie es später erneut oder wählen Sie eine andere Methode.',
  cardDeclined:
    'Ihre Bank hat die Karte abgelehnt: Sie wurde nicht gespeichert und das Abonnement nicht abgeschlossen. Versuchen Sie eine andere Karte.',
  cardAuthFailed:
    'Die Prüfung durch Ihre Bank wurde nicht abgeschlossen: Die Karte wurde nicht gespeichert und das Abonnement nicht abgeschlossen.',
  cardNotSaved: (reason: string) =>
    `Die Karte wurde nicht gespeichert und das Abonnement nicht abgeschlossen. ${reason}`,
  cardUnknown:
    'Wir konnten nicht bestätigen, dass Ihre Karte gespeichert wurde; das Abonnement wurde nicht abgeschlossen. Wenn sie jetzt unter Ihren Zahlungsmethoden steht, wählen Sie sie.',
  reviewButton: 'Überprüfen',
  reviewHeading: 'Abonnement überprüfen',
  plan: 'Tarif',
  todayCharge: 'Heute berechnet',
  nothingToday: (date: string) => `Heute nichts: Die kostenlose Testphase läuft bis ${date}`,
  thenEvery: 'Danach',
  thenValue: (price: string, date: string) => `${price}, erstmals am ${date}`,
  taxNote: 'Eventuell fällige Steuern werden auf der Rechnung ausgewiesen.',
  confirmSubscribe: (amount: string) => `Abonnieren und ${amount} bezahlen`,
  confirmTrial: 'Kostenlose Testphase starten',
  subscribing: 'Wird abonniert…',
  subscribed: (plan: string) => `Sie haben ${plan} abonniert.`,
  // Ändern
  changeHeading: (plan: string) => `${plan} ändern`,
  currentPlan: 'Aktueller Tarif',
  seePrice: 'Preis anzeigen',
  quoting: 'Preis wird ermittelt…',
  sameAsNow: 'Wählen Sie einen anderen Tarif oder eine andere Menge: Das haben Sie bereits.',
  quoteHeading: 'Der Preis dieser Änderung',
  credit: 'Gutschrift für nicht genutzte Zeit',
  charge: 'Betrag für den Rest des Zeitraums',
  tax: 'Steuer',
  dueToday: 'Heute fällig',
  nextRenewal: 'Nächste Verlängerung',
  changesOn: (date: string) => `Ändert sich am ${date}. Heute ist nichts fällig.`,
  carried: (amount: string) => `${amount} Guthaben wird von Ihrer nächsten Verlängerung abgezogen.`,
  holdsUntil: (time: string) => `Dieser Preis gilt bis ${time}.`,
  quoteRefreshed:
    'Dieser Preis war abgelaufen, daher wurde nichts berechnet. Hier ist der aktuelle Preis: Bestätigen Sie ihn, wenn er für Sie passt.',
  confirmChange: (amount: string) => `Bestätigen und ${amount} bezahlen`,
  confirmChangeFree: 'Änderung bestätigen',
  changing: 'Wird geändert…',
  changed: (plan: string) => `${plan} wurde geändert.`,
  changeScheduled: (plan: string, date: string) => `${plan} ändert sich am ${date}.`,
  // Unbekannter Ausgang beim Abonnieren und Ändern
  unknownHeading: 'Wir konnten das nicht bestätigen',
  unknownBody:
    'Die Antwort hat uns nicht erreicht, daher wissen wir nicht, ob es geklappt hat. Prüfen Sie es erneut: Es wird nicht doppelt berechnet.',
  stillUnknown: 'Immer noch keine Antwort. Versuchen Sie es gleich noch einmal.',
  // Kündigen
  cancelHeading: (plan: string) => `${plan} kündigen`,
  offerDiscount: (percent: number, periods: number) =>
    periods === 1
      ? `Bleiben Sie bei uns und erhalten Sie ${percent}\u00a0% Rabatt auf Ihre nächste Verlängerung.`
      : `Bleiben Sie bei uns und erhalten Sie ${percent}\u00a0% Rabatt auf Ihre nächsten ${periods} Verlängerungen.`,
  acceptDiscount: 'Angebot annehmen',
  offerPause:
    'Lieber eine Pause? Pausieren Sie es stattdessen; es läuft an dem von Ihnen gewählten Datum automatisch weiter.',
  pauseInstead: 'Stattdessen pausieren',
  continueCancel: 'Mit der Kündigung fortfahren',
  offerAccepted: (percent: number, plan: string) => `${percent}\u00a0% Rabatt gilt jetzt für ${plan}.`,
  reasonLegend: 'Warum kündigen Sie?',
  reasonOther: 'Sonstiges',
  comment: 'Erzählen Sie uns mehr',
  reasonRequired: 'Wählen Sie einen Grund.',
  commentRequired: 'Nennen Sie uns den Grund in wenigen Worten.',
  whenLegend: 'Wann soll es enden?',
  whenPeriodEnd: (date: string) => `Zum Ende des Zeitraums, am ${date}`,
  whenNow: 'Sofort',
  confirmHeading: 'Kündigung bestätigen',
  keepsUntil: (plan: string, date: string) =>
    `${plan} endet am ${date}. Bis dahin behalten Sie, wofür Sie bezahlt haben, und Sie können die Kündigung bis zu diesem Datum rückgängig machen.`,
  endsNow: (plan: string) => `${plan} endet jetzt. Dafür wird nichts mehr berechnet.`,
  keepIt: 'Behalten',
  cancelling: 'Wird gekündigt…',
  canceledNotice: (plan: string, date: string) =>
    `${plan} endet am ${date}. Bis dahin können Sie das rückgängig machen.`,
  canceledNowNotice: (plan: string) => `${plan} wurde gekündigt.`,
  undone: (plan: string) => `${plan} läuft weiter.`,
  withdrawn: (plan: string) => `Die geplante Änderung von ${plan} wurde zurückgezogen.`,
  // Pausieren
  resumeOn: 'Fortsetzen am',
  resumeOnHint: (max: string) =>
    `Ein beliebiger Tag von morgen bis ${max}. Während der Pause wird nichts berechnet.`,
  dateRequired: 'Wählen Sie das Datum, an dem es weiterläuft.',
  dateTooEarly: 'Wählen Sie ein Datum nach dem heutigen Tag.',
  dateTooLate: (max: string) => `Wählen Sie ein Datum bis spätestens ${max}.`,
  pausing: 'Wird pausiert…',
  paused: (plan: string, date: string) => `${plan} ist bis ${date} pausiert.`,
  resumed: (plan: string) => `${plan} wurde fortgesetzt.`,
  unknownOutcome:
    'Wir konnten nicht bestätigen, ob das geklappt hat. Die Liste unten zeigt den aktuellen Stand; prüfen Sie sie, bevor Sie es erneut versuchen.',
};
