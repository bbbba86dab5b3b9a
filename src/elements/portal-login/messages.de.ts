import type { LoginMessages } from './messages.en.js';

export const de: LoginMessages = {
  signInHeading: (merchant: string) => `Bei ${merchant} anmelden`,
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft…',
  forgotPassword: 'Passwort vergessen?',
  newCustomer: 'Neukunde?',
  createAccount: 'Konto erstellen',
  or: 'oder',
  emailLink: 'Anmeldelink per E-Mail senden',
  passwordlessIntro:
    'Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Link zur Anmeldung. Kein Passwort nötig.',
  sendingLink: 'Der Link wird gesendet…',
  signInUnavailable: 'Die Anmeldung ist derzeit nicht möglich. Bitte wenden Sie sich an den Händler.',
  invalidCredentials: 'Die E-Mail-Adresse oder das Passwort ist falsch.',
  tooManyAttempts: (when: string) => `Zu viele Versuche. Versuchen Sie es ${when} erneut.`,
  signedIn: (name: string) => `Sie sind als ${name} angemeldet.`,
  checkEmailHeading: 'Prüfen Sie Ihre E-Mails',
  magicLinkSent: (email: string) =>
    `Falls sich ${email} hier anmelden kann, haben wir einen Anmeldelink dorthin gesendet. Öffnen Sie den Link, um fortzufahren.`,
  sendLinkAgain: 'Link erneut senden',
  linkSentAgain: 'Falls sich diese Adresse anmelden kann, ist ein neuer Link unterwegs.',
  useAnotherEmail: 'Andere E-Mail-Adresse verwenden',
  backToSignIn: 'Zurück zur Anmeldung',
  confirmIntro: 'Wählen Sie „Weiter“, um die Anmeldung mit dem Link aus Ihrer E-Mail abzuschließen.',
  linkExpiredHeading: 'Dieser Link funktioniert nicht mehr',
  linkExpired:
    'Dieser Anmeldelink ist abgelaufen oder wurde bereits verwendet. Jeder Link funktioniert nur einmal und nur kurze Zeit.',
  requestNewLink: 'Neuen Link anfordern',
  forgotHeading: 'Passwort zurücksetzen',
  forgotIntro:
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein, und wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.',
  sendResetLink: 'Link zum Zurücksetzen senden',
  resetLinkSent: (email: string) =>
    `Falls es ein Konto für ${email} gibt, haben wir einen Link zum Zurücksetzen des Passworts dorthin gesendet.`,
  resetHeading: 'Neues Passwort wählen',
  savePassword: 'Neues Passwort speichern',
  passwordChanged: 'Ihr Passwort wurde geändert. Melden Sie sich mit Ihrem neuen Passwort an.',
  resetLinkExpired: 'Dieser Link zum Zurücksetzen des Passworts ist abgelaufen oder wurde bereits verwendet.',
  requestNewResetLink: 'Neuen Link zum Zurücksetzen anfordern',
  changeHeading: 'Eigenes Passwort wählen',
  changeIntro:
    'Sie haben sich mit einem vorläufigen Passwort angemeldet. Wählen Sie ein neues Passwort, um fortzufahren.',
  changeSubmit: 'Passwort speichern und weiter',
  changeExpired:
    'Das Festlegen Ihres Passworts hat zu lange gedauert. Bitte melden Sie sich erneut mit Ihrem vorläufigen Passwort an.',
  sameAsTemporary: 'Wählen Sie ein anderes Passwort als das vorläufige.',
  signUpHeading: (merchant: string) => `Ihr Konto bei ${merchant} erstellen`,
  signUpSubmit: 'Konto erstellen',
  signingUp: 'Ihr Konto wird erstellt…',
  haveAccount: 'Sie haben bereits ein Konto?',
  signUpUnavailable: 'Hier kann kein Konto erstellt werden. Bitte wenden Sie sich an den Händler.',
  billingAddress: 'Rechnungsadresse',
  shippingAddress: 'Lieferadresse',
  shippingSameAsBilling: 'An meine Rechnungsadresse liefern',
  bankAccount: 'Bankkonto',
  card: 'Karte',
  cardUnavailable: 'Die Kartenfelder konnten nicht geladen werden. Versuchen Sie es gleich noch einmal.',
  cardIncomplete: 'Vervollständigen Sie die Kartendaten.',
  cardDeclined:
    'Ihre Bank hat die Karte abgelehnt, daher wurde das Konto nicht erstellt. Versuchen Sie es mit einer anderen Karte.',
  cardAuthFailed:
    'Die Prüfung durch Ihre Bank wurde nicht abgeschlossen. Versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
  cardVerifyNotice: 'Wir prüfen die Karte mit einer Autorisierung über 0 €. Ihnen wird nichts berechnet.',
  cardRequiredUnavailable: (merchant: string) =>
    `${merchant} benötigt für die Kontoeröffnung eine hinterlegte Karte, und in diesem Portal können noch keine Karten hinzugefügt werden. Bitte wenden Sie sich an ${merchant}, um Ihr Konto zu eröffnen.`,
  writeTo: (email: string) => `An ${email} schreiben`,
  errorSummary: 'Bitte korrigieren Sie Folgendes:',
  fieldError: (label: string, message: string) => `${label}: ${message}`,
};
