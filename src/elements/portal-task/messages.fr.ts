import type { TaskMessages } from './messages.en.js';

export const fr: TaskMessages = {
  titles: {
    'pay-invoice': 'Payer une facture',
    'add-payment-method': 'Ajouter une carte',
    'replace-payment-method': 'Remplacer une carte',
    'change-subscription': 'Modifier votre abonnement',
    'cancel-subscription': 'Résilier votre abonnement',
    'update-billing-details': 'Mettre à jour vos informations de facturation',
  },
  unknownTitle: 'Action indisponible',
  backToStore: 'Retour à la boutique',
  closed: 'Vous avez fermé ceci sans le terminer.',
  startAgain: 'Recommencer',
  replacing: (card: string) =>
    `Ajoutez la carte qui remplace ${card}. Elle devient votre moyen de paiement par défaut ; ${card} reste enregistrée jusqu’à ce que vous la supprimiez.`,
  refused: {
    unknownTask: 'Ce lien n’ouvre rien que nous connaissions. Rien n’a été modifié sur votre compte.',
    off: 'Cette opération ne peut pas se faire en ligne. Contactez-nous, nous vous aiderons.',
    invoiceNotFound: 'Nous n’avons pas trouvé cette facture sur votre compte.',
    methodNotFound:
      'Nous n’avons pas trouvé cette carte sur votre compte. Elle a peut-être déjà été supprimée.',
    subscriptionNotFound: 'Nous n’avons pas trouvé cet abonnement sur votre compte.',
    nothingToPay: (invoice: string) => `Il ne reste rien à payer sur ${invoice}.`,
    cannotChange: (plan: string) => `${plan} ne peut pas être modifié en ligne.`,
    cannotCancel: (plan: string) => `${plan} ne peut pas être résilié en ligne.`,
  },
  confirmed: {
    'pay-invoice': 'Paiement effectué',
    'add-payment-method': 'Carte ajoutée',
    'replace-payment-method': 'Carte remplacée',
    'change-subscription': 'Abonnement modifié',
    'cancel-subscription': 'Abonnement mis à jour',
    'update-billing-details': 'Informations de facturation enregistrées',
  },
  paid: (amount: string, invoice: string) => `${amount} ont été payés sur ${invoice}.`,
  stillDue: (amount: string) => `Il reste ${amount} à payer.`,
  added: (card: string) => `${card} est enregistrée sur votre compte.`,
  removeOld: (card: string) => `Supprimer ${card}`,
  removed: (card: string) => `${card} a été supprimée.`,
  changed: (plan: string, date: string) => `Votre abonnement est ${plan} à partir du ${date}.`,
  cancelledNow: (plan: string) => `${plan} est résilié.`,
  cancelledOn: (plan: string, date: string) => `${plan} prend fin le ${date}. Vous en profitez jusque-là.`,
  offerAccepted: (plan: string) => `${plan} continue, avec votre remise.`,
  paused: (plan: string, date: string) => `${plan} est en pause jusqu’au ${date}.`,
  profileSaved: 'Vos informations de facturation sont à jour.',
};
