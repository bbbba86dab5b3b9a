import type { PaymentMethodsMessages } from './messages.en.js';

export const fr: PaymentMethodsMessages = {
  heading: 'Moyens de paiement',
  empty: 'Vous n’avez aucun moyen de paiement enregistré.',
  cards: 'Cartes',
  bankAccounts: 'Comptes bancaires',
  expiresSoon: 'Expire bientôt',
  expired: 'Expirée',
  isDefault: 'Par défaut',
  makeDefaultOf: (label: string) => `Définir par défaut : ${label}`,
  remove: 'Supprimer',
  removeOf: (label: string) => `Supprimer ${label}`,
  notRemovable: {
    bank_account: 'Seul le marchand peut supprimer un compte bancaire.',
    last_card_required: 'Une carte doit rester enregistrée : la dernière carte ne peut pas être supprimée.',
    removing_turned_off: 'La suppression des cartes est désactivée.',
  },
  addCard: 'Ajouter une carte',
  addBankAccount: 'Ajouter un compte bancaire',
  saveCard: 'Enregistrer la carte',
  saveBankAccount: 'Enregistrer le compte',
  verifyingCard: 'Vérification de la carte auprès de votre banque…',
  cardHeading: 'Ajouter une carte',
  bankHeading: 'Ajouter un compte bancaire',
  cardUnavailable: 'Les champs de carte n’ont pas pu être chargés. Réessayez dans un instant.',
  verifyNotice:
    'Nous vérifions la carte par une autorisation de montant nul avant de l’enregistrer. Vous ne serez pas débité.',
  testMode: 'Mode test : seules les cartes de test sont acceptées.',
  makeNewDefault: 'En faire mon moyen de paiement par défaut',
  accountNumberAgain: 'Numéro de compte (confirmation)',
  accountNumbersDiffer: 'Les numéros de compte ne correspondent pas.',
  declined:
    'Votre banque a refusé la carte : elle n’a pas été enregistrée. Essayez une autre carte ou contactez votre banque.',
  authenticationFailed:
    'La vérification auprès de votre banque n’a pas abouti : la carte n’a pas été enregistrée.',
  unknownOutcome:
    'Nous n’avons pas pu confirmer l’enregistrement. La liste ci-dessous montre ce qui est enregistré ; vérifiez-la avant de réessayer.',
  removeUnknownOutcome:
    'Nous n’avons pas pu confirmer la suppression. La liste ci-dessous montre ce qui est enregistré ; vérifiez-la avant de réessayer.',
  added: (label: string) => `${label} a été ajoutée.`,
  removed: (label: string) => `${label} a été supprimée.`,
  removeHeading: (label: string) => `Supprimer ${label} ?`,
  removeKeep: 'La garder',
  removeConfirm: 'Supprimer',
  dependsAutoPay: 'Le paiement automatique y prélève vos factures ouvertes.',
  dependsSubscription: (plan: string) => `${plan} se renouvelle sur ce moyen de paiement.`,
  dependsNothing: 'Rien n’y est prélevé automatiquement.',
  chooseNewDefault: 'Quel moyen de paiement devient celui par défaut ?',
  overdueOffer: (count: number, label: string) =>
    count === 1
      ? `Vous avez une facture en retard. La payer maintenant avec ${label} ?`
      : `Vous avez ${count} factures en retard. Les payer maintenant avec ${label} ?`,
  payOverdue: 'Payer maintenant',
  notNow: 'Plus tard',
};
