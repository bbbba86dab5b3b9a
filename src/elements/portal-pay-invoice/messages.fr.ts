import type { PayMessages } from './messages.en.js';

export const fr: PayMessages = {
  heading: (number: string) => `Payer ${number}`,
  amountDue: 'Montant dû',
  dueDate: 'Échéance',
  amountLegend: 'Combien souhaitez-vous payer ?',
  payFull: (amount: string) => `Le montant dû : ${amount}`,
  payPart: 'Une partie du montant dû',
  amountLabel: (currency: string) => `Montant à payer (${currency})`,
  amountHint: (max: string) => `Jusqu’à ${max}.`,
  amountRequired: 'Saisissez le montant à payer.',
  amountInvalid: (example: string) => `Saisissez un montant comme ${example}.`,
  amountPrecision: (digits: number) =>
    digits === 0 ? 'Saisissez un montant entier, sans décimales.' : `Utilisez au plus ${digits} décimales.`,
  amountZero: 'Saisissez un montant supérieur à zéro.',
  amountTooLarge: (max: string) => `Saisissez au plus ${max}, le montant dû.`,
  methodRequired: 'Choisissez un moyen de paiement.',
  splitStart: 'Répartir entre plusieurs moyens de paiement',
  splitStop: 'Payer avec un seul moyen de paiement',
  splitLegend: 'Répartir entre plusieurs moyens de paiement',
  splitHint: (max: number) =>
    `Utilisez jusqu’à ${max} moyens de paiement, chacun une seule fois. Les montants sont débités l’un après l’autre.`,
  rowMethod: (n: number) => `Moyen de paiement ${n}`,
  rowAmount: (n: number, currency: string) => `Montant ${n} (${currency})`,
  expiredOption: (label: string) => `${label} (expirée)`,
  rowAdded: (n: number) => `Paiement ${n} ajouté.`,
  maxRows: (max: number) => `Vous utilisez le nombre maximal de moyens de paiement autorisé (${max}).`,
  remove: 'Retirer',
  removeRow: (n: number) => `Retirer le paiement ${n}`,
  rowRemoved: (n: number) => `Paiement ${n} retiré.`,
  fillRest: 'Mettre le reste',
  fillRestRow: (n: number) => `Mettre le reste sur le paiement ${n}`,
  leftToAllocate: (amount: string) => `Reste à répartir : ${amount}`,
  overAllocated: (over: string, due: string) =>
    `Ces montants dépassent de ${over} le montant dû (${due}). Réduisez-les pour continuer.`,
  leftStaysDue: 'Ce qui n’est pas réparti reste dû sur la facture.',
  mustAllocateAll: (left: string) => `Répartissez la totalité du montant dû : il reste ${left} à répartir.`,
  methodRepeated: 'Ce moyen de paiement est déjà utilisé dans un autre paiement. Choisissez-en un autre.',
  fixErrors: 'Veuillez corriger les informations signalées.',
  review: 'Vérifier le paiement',
  reviewHeading: 'Vérifiez votre paiement',
  reviewIntro: 'Rien n’est débité avant votre confirmation.',
  invoice: 'Facture',
  chargeTo: 'Débité sur',
  charge: 'Montant',
  total: 'Total à payer',
  remainsDue: 'Reste dû après ce paiement',
  confirm: (amount: string) => `Payer ${amount}`,
  paying: 'Paiement en cours…',
  processing: 'Votre paiement est en cours de traitement. Veuillez patienter.',
  unknownHeading: 'Nous n’avons pas pu confirmer votre paiement',
  unknownBody:
    'Votre paiement a peut-être été effectué, peut-être pas. Ne payez pas une seconde fois : vérifiez à nouveau pour le savoir. Vérifier à nouveau ne vous débite jamais deux fois.',
  stillUnknown:
    'Nous n’avons toujours pas pu confirmer votre paiement. Vérifiez votre connexion, puis vérifiez à nouveau.',
  receiptHeading: {
    succeeded: 'Paiement reçu',
    partially_succeeded: 'Paiement reçu en partie',
    failed: 'Paiement non effectué',
  },
  paid: (amount: string, number: string) => `Paiement de ${amount} reçu pour ${number}. Merci.`,
  chargedTo: (amount: string, method: string) => `Débit de ${amount} effectué sur ${method}.`,
  declinedOn: (amount: string, method: string) =>
    `Paiement de ${amount} refusé sur ${method} : rien n’a été débité sur ce moyen de paiement.`,
  insufficientOn: (amount: string, method: string) =>
    `Paiement de ${amount} refusé sur ${method} pour provision insuffisante : rien n’a été débité sur ce moyen de paiement.`,
  errorOn: (amount: string, method: string) =>
    `Paiement de ${amount} non traité sur ${method} : rien n’a été débité sur ce moyen de paiement.`,
  nothingCharged: 'Rien n’a été débité. Vous pouvez essayer un autre moyen de paiement.',
  outcomeColumn: 'Résultat',
  outcome: {
    succeeded: 'Débité',
    declined: 'Refusé',
    insufficient_funds: 'Refusé : provision insuffisante',
    processing_error: 'Non débité : erreur de traitement',
  },
  chargedTotal: 'Total débité',
  stillDue: 'Reste dû',
  payRest: (amount: string) => `Payer le reste (${amount}) avec un autre moyen de paiement`,
  tryAnother: 'Essayer un autre moyen de paiement',
  noInvoice: 'Choisissez une facture à payer.',
  nothingToPay: (number: string) => `Il ne reste rien à payer sur ${number}.`,
  paymentsOff: (merchant: string) =>
    `${merchant} n’accepte pas les paiements dans ce portail. Contactez-le pour régler cette facture.`,
  contact: (email: string) => `Écrire à ${email}`,
  noMethods:
    'Vous n’avez aucun moyen de paiement permettant de régler cette facture. Ajoutez une carte ou un compte bancaire, puis revenez.',
  forbidden: 'Ce mode de paiement n’est plus disponible, rien n’a donc été débité. Vérifiez votre paiement.',
  conflict: 'Cette facture a changé entre-temps, rien n’a donc été débité. Vérifiez le montant dû.',
  methodGone:
    'Un moyen de paiement choisi n’est plus disponible, rien n’a donc été débité. Choisissez-en un autre.',
  declined: 'Le paiement a été refusé, rien n’a donc été débité. Essayez un autre moyen de paiement.',
  newCardHint: 'Elle est enregistrée dans vos moyens de paiement au moment du paiement.',
  cardUnavailable:
    'Les champs de carte n’ont pas pu être chargés. Réessayez dans un instant ou choisissez un autre moyen.',
  cardDeclined:
    'Votre banque a refusé la carte : elle n’a pas été enregistrée et rien n’a été débité. Essayez une autre carte.',
  cardAuthFailed:
    'La vérification auprès de votre banque n’a pas abouti : la carte n’a pas été enregistrée et rien n’a été débité.',
  cardNotSaved: (reason: string) => `La carte n’a pas été enregistrée et rien n’a été débité. ${reason}`,
  cardUnknown:
    'Nous n’avons pas pu confirmer l’enregistrement de votre carte. Rien n’a été débité. Vérifiez vos moyens de paiement avant de payer.',
  tooLarge: 'C’est plus que le montant dû.',
};
