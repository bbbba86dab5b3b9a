import type { ProfileMessages } from './messages.en.js';

export const de: ProfileMessages = {
  heading: 'Ihre Angaben',
  detailsHeading: 'Name und Firma',
  addressesHeading: 'Adressen und Kontakte',
  emailHeading: 'E-Mail-Adresse',
  taxHeading: 'Steuer- und Einkaufsangaben',
  billingAddress: 'Rechnungsadresse',
  shippingAddress: 'Lieferadresse',
  billingContact: 'Ansprechpartner für Rechnungen',
  shippingContact: 'Ansprechpartner für Lieferungen',
  contactName: 'Name des Ansprechpartners',
  contactEmail: 'E-Mail des Ansprechpartners',
  contactPhone: 'Telefon des Ansprechpartners',
  sameAsBilling: 'An die Rechnungsadresse liefern',
  contactHint: 'An wen wir zu Rechnungen oder Lieferungen schreiben. Leer lassen, wenn es niemanden gibt.',
  saveDetails: 'Name und Firma speichern',
  saveAddresses: 'Adressen und Kontakte speichern',
  saveTax: 'Steuerangaben speichern',
  saved: 'Ihre Änderungen wurden gespeichert.',
  unknownOutcome:
    'Wir konnten nicht bestätigen, ob Ihre Änderungen gespeichert wurden. Ihre Eingaben sind noch da; prüfen Sie sie und speichern Sie erneut.',
  confirmUnknownOutcome:
    'Wir konnten die Änderung nicht bestätigen. Laden Sie die Seite neu: Wird die neue Adresse angezeigt, hat es geklappt; wenn nicht, fordern Sie einen neuen Link an.',
  readOnly: (merchant: string) =>
    `${merchant} erlaubt nicht, diese Angaben im Portal zu ändern. Wenden Sie sich an den Händler, um hier etwas zu ändern.`,
  readOnlyWithEmail: (merchant: string, email: string) =>
    `${merchant} erlaubt nicht, diese Angaben im Portal zu ändern. Schreiben Sie an ${email}, um hier etwas zu ändern.`,
  none: 'Nichts hinterlegt',
  currentEmail: 'Aktuelle Adresse',
  newEmail: 'Neue E-Mail-Adresse',
  newEmailHint:
    'Wir senden einen Link an die neue Adresse. Ihre Adresse ändert sich erst, wenn Sie ihn öffnen.',
  sendLink: 'Bestätigungslink senden',
  emailSame: 'Das ist bereits Ihre E-Mail-Adresse.',
  emailTaken: 'Ein anderes Konto verwendet diese Adresse. Wählen Sie eine andere.',
  emailOwnerOnly: 'Nur der Inhaber des Kontos kann diese Adresse ändern, da er sich mit ihr anmeldet.',
  pendingEmail: (email: string) =>
    `Bestätigen Sie den Link, den wir an ${email} gesendet haben. Bis dahin bleibt Ihre E-Mail-Adresse unverändert.`,
  linkSent: (email: string) => `Wir haben einen Bestätigungslink an ${email} gesendet.`,
  confirmHeading: 'Neue E-Mail-Adresse bestätigen',
  confirmText:
    'Wählen Sie „Bestätigen“, um die Adresse dieses Links zur E-Mail-Adresse Ihres Kontos zu machen.',
  confirm: 'Bestätigen',
  confirming: 'Wird bestätigt…',
  emailChanged: (email: string) => `Ihre E-Mail-Adresse lautet jetzt ${email}.`,
  linkInvalid:
    'Dieser Link zur Änderung der E-Mail-Adresse ist ungültig, bereits verwendet oder abgelaufen. Fordern Sie einen neuen an.',
  dismiss: 'Schließen',
  poNumber: 'Bestellnummer (PO)',
  vatNumber: 'USt-IdNr.',
  vatHint: (example: string) => `Zum Beispiel ${example}.`,
  vatInvalid: (example: string) => `Geben Sie eine USt-IdNr. wie ${example} ein.`,
  vatInvalidGeneric: 'Geben Sie die USt-IdNr. mit Länderkennung ein, etwa DE123456789.',
  registrationNumber: 'Handelsregisternummer',
  futureInvoices:
    'Änderungen gelten für künftige Rechnungen. Bereits ausgestellte Rechnungen behalten ihre ursprünglichen Angaben.',
  verification: {
    verified: (date: string) => `Am ${date} beim Steuerregister geprüft.`,
    not_registered:
      'Das Steuerregister führt diese Nummer nicht. Prüfen Sie sie, oder kontaktieren Sie uns, falls sie stimmt.',
    unavailable:
      'Das Steuerregister war nicht erreichbar, daher ist diese Nummer noch nicht geprüft. Sie wurde so gespeichert, wie Sie sie eingegeben haben.',
  },
  defaultMethod: 'Standard-Zahlungsmethode',
  defaultMethodHint: 'Wird für automatische Zahlungen verwendet und beim Bezahlen vorausgewählt.',
  noMethods: 'Keine Zahlungsmethoden hinterlegt.',
};
