import type { ProfileMessages } from './messages.en.js';

export const fr: ProfileMessages = {
  heading: 'Vos informations',
  detailsHeading: 'Nom et société',
  addressesHeading: 'Adresses et contacts',
  emailHeading: 'Adresse e-mail',
  taxHeading: 'Informations fiscales et d’achat',
  billingAddress: 'Adresse de facturation',
  shippingAddress: 'Adresse de livraison',
  billingContact: 'Contact facturation',
  shippingContact: 'Contact livraison',
  contactName: 'Nom du contact',
  contactEmail: 'E-mail du contact',
  contactPhone: 'Téléphone du contact',
  sameAsBilling: 'Livrer à l’adresse de facturation',
  contactHint:
    'La personne à qui nous écrivons au sujet des factures ou des livraisons. Laissez vide pour n’en avoir aucune.',
  saveDetails: 'Enregistrer le nom et la société',
  saveAddresses: 'Enregistrer les adresses et contacts',
  saveTax: 'Enregistrer les informations fiscales',
  saved: 'Vos modifications ont été enregistrées.',
  unknownOutcome:
    'Nous n’avons pas pu confirmer l’enregistrement de vos modifications. Ce que vous avez saisi est conservé ; vérifiez-le et enregistrez à nouveau.',
  confirmUnknownOutcome:
    'Nous n’avons pas pu confirmer le changement. Rechargez la page : si la nouvelle adresse s’affiche, il a abouti ; sinon, demandez un nouveau lien.',
  readOnly: (merchant: string) =>
    `${merchant} ne permet pas de modifier ces informations dans le portail. Contactez-le pour toute modification.`,
  readOnlyWithEmail: (merchant: string, email: string) =>
    `${merchant} ne permet pas de modifier ces informations dans le portail. Écrivez à ${email} pour toute modification.`,
  none: 'Aucune information enregistrée',
  currentEmail: 'Adresse actuelle',
  newEmail: 'Nouvelle adresse e-mail',
  newEmailHint:
    'Nous envoyons un lien à la nouvelle adresse. Votre adresse ne change qu’une fois ce lien ouvert.',
  sendLink: 'Envoyer le lien de confirmation',
  emailSame: 'C’est déjà votre adresse e-mail.',
  emailTaken: 'Un autre compte utilise cette adresse. Choisissez-en une autre.',
  emailOwnerOnly:
    'Seul le titulaire du compte peut modifier cette adresse, car c’est avec elle qu’il se connecte.',
  pendingEmail: (email: string) =>
    `Confirmez le lien envoyé à ${email}. D’ici là, votre adresse e-mail reste inchangée.`,
  linkSent: (email: string) => `Nous avons envoyé un lien de confirmation à ${email}.`,
  confirmHeading: 'Confirmez votre nouvelle adresse e-mail',
  confirmText: 'Appuyez sur Confirmer pour que l’adresse de ce lien devienne celle de votre compte.',
  confirm: 'Confirmer',
  confirming: 'Confirmation…',
  emailChanged: (email: string) => `Votre adresse e-mail est désormais ${email}.`,
  linkInvalid:
    'Ce lien de changement d’adresse est invalide, déjà utilisé ou expiré. Demandez-en un nouveau.',
  dismiss: 'Fermer',
  poNumber: 'Numéro de bon de commande',
  vatNumber: 'Numéro de TVA',
  vatHint: (example: string) => `Par exemple ${example}.`,
  vatInvalid: (example: string) => `Saisissez un numéro de TVA comme ${example}.`,
  vatInvalidGeneric: 'Saisissez le numéro de TVA avec son préfixe de pays, comme FR12345678901.',
  registrationNumber: 'Numéro d’immatriculation de la société',
  futureInvoices:
    'Les modifications s’appliquent aux prochaines factures. Les factures déjà émises gardent les informations d’origine.',
  verification: {
    verified: (date: string) => `Vérifié auprès du registre fiscal le ${date}.`,
    not_registered:
      'Le registre fiscal ne connaît pas ce numéro. Vérifiez-le, ou contactez-nous s’il est correct.',
    unavailable:
      'Le registre fiscal n’a pas pu être joint : ce numéro n’est pas encore vérifié. Il est enregistré tel que saisi.',
  },
  defaultMethod: 'Moyen de paiement par défaut',
  defaultMethodHint: 'Utilisé pour les paiements automatiques et proposé quand vous payez.',
  noMethods: 'Aucun moyen de paiement enregistré.',
};
