import type { CardFieldError } from '../card-fields.js';

/**
 * The test-mode card fields' own words in English, French and Spanish. The frame shows them (it is a
 * separate page, so the portal's catalogs cannot reach it); the page uses only the frame's title.
 */
export interface CardFieldsMessages {
  title: string;
  testMode: string;
  testModeHint: string;
  number: string;
  expiry: string;
  cvc: string;
  challengeTitle: string;
  challengeText: string;
  approve: string;
  fail: string;
  errors: Record<CardFieldError, string>;
}

const en: CardFieldsMessages = {
  title: 'Card details (test mode)',
  testMode: 'Test mode',
  testModeHint: 'Only test card numbers are accepted, such as 4242 4242 4242 4242.',
  number: 'Card number',
  expiry: 'Expiry (MM / YY)',
  cvc: 'Security code',
  challengeTitle: 'Test authentication (3-D Secure)',
  challengeText: 'Your bank asks you to confirm this card. In test mode, choose the outcome.',
  approve: 'Approve',
  fail: 'Fail authentication',
  errors: {
    number_incomplete: 'The card number is incomplete.',
    number_invalid: 'The card number is not valid.',
    number_not_test_card: 'Test mode accepts only test card numbers.',
    expiry_incomplete: 'The expiry date is incomplete.',
    expiry_invalid: 'The expiry date is not valid.',
    expiry_past: 'This card has expired.',
    cvc_incomplete: 'The security code is incomplete.',
    cvc_invalid: 'The security code has the wrong length for this card.',
    authentication_failed: 'The card could not be authenticated. It was not saved.',
    unavailable: 'The card fields are unavailable. Try again later.',
  },
};

const fr: CardFieldsMessages = {
  title: 'Coordonnées de la carte (mode test)',
  testMode: 'Mode test',
  testModeHint: 'Seuls les numéros de carte de test sont acceptés, par exemple 4242 4242 4242 4242.',
  number: 'Numéro de carte',
  expiry: 'Expiration (MM / AA)',
  cvc: 'Code de sécurité',
  challengeTitle: 'Authentification de test (3-D Secure)',
  challengeText: 'Votre banque vous demande de confirmer cette carte. En mode test, choisissez le résultat.',
  approve: 'Approuver',
  fail: 'Échouer l’authentification',
  errors: {
    number_incomplete: 'Le numéro de carte est incomplet.',
    number_invalid: 'Le numéro de carte n’est pas valide.',
    number_not_test_card: 'Le mode test n’accepte que les numéros de carte de test.',
    expiry_incomplete: 'La date d’expiration est incomplète.',
    expiry_invalid: 'La date d’expiration n’est pas valide.',
    expiry_past: 'Cette carte a expiré.',
    cvc_incomplete: 'Le code de sécurité est incomplet.',
    cvc_invalid: 'Le code de sécurité n’a pas la bonne longueur pour cette carte.',
    authentication_failed: 'La carte n’a pas pu être authentifiée. Elle n’a pas été enregistrée.',
    unavailable: 'Les champs de carte sont indisponibles. Réessayez plus tard.',
  },
};

const es: CardFieldsMessages = {
  title: 'Datos de la tarjeta (modo de prueba)',
  testMode: 'Modo de prueba',
  testModeHint: 'Solo se aceptan números de tarjeta de prueba, como 4242 4242 4242 4242.',
  number: 'Número de tarjeta',
  expiry: 'Caducidad (MM / AA)',
  cvc: 'Código de seguridad',
  challengeTitle: 'Autenticación de prueba (3-D Secure)',
  challengeText: 'Su banco le pide que confirme esta tarjeta. En modo de prueba, elija el resultado.',
  approve: 'Aprobar',
  fail: 'Fallar la autenticación',
  errors: {
    number_incomplete: 'El número de tarjeta está incompleto.',
    number_invalid: 'El número de tarjeta no es válido.',
    number_not_test_card: 'El modo de prueba solo acepta números de tarjeta de prueba.',
    expiry_incomplete: 'La fecha de caducidad está incompleta.',
    expiry_invalid: 'La fecha de caducidad no es válida.',
    expiry_past: 'Esta tarjeta ha caducado.',
    cvc_incomplete: 'El código de seguridad está incompleto.',
    cvc_invalid: 'El código de seguridad no tiene la longitud correcta para esta tarjeta.',
    authentication_failed: 'No se pudo autenticar la tarjeta. No se ha guardado.',
    unavailable: 'Los campos de la tarjeta no están disponibles. Inténtelo más tarde.',
  },
};

const catalogs: Record<string, CardFieldsMessages> = { en, fr, es };

/** The catalog for a BCP 47 locale, English for languages the fields do not ship. */
export function cardFieldsMessages(locale: string): CardFieldsMessages {
  return catalogs[locale.split('-')[0].toLowerCase()] ?? en;
}
