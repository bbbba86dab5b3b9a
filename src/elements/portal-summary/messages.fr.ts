import type { SummaryMessages } from './messages.en.js';

export const fr: SummaryMessages = {
  outstanding: 'Solde à régler',
  invoiceCount: (count: number, formatted: string) =>
    count <= 1 ? `${formatted} facture` : `${formatted} factures`,
  paidUp: 'Vous êtes à jour de vos paiements',
  emptyDetail: 'Vous ne devez rien et n’avez aucun abonnement actif.',
  nextBilling: 'Prochaine facturation',
  nothingScheduled: 'Rien de prévu',
  billingFrequency: 'Fréquence de facturation',
  frequency: {
    day: (count: number) => (count === 1 ? 'Quotidienne' : `Tous les ${count} jours`),
    week: (count: number) => (count === 1 ? 'Hebdomadaire' : `Toutes les ${count} semaines`),
    month: (count: number) => (count === 1 ? 'Mensuelle' : `Tous les ${count} mois`),
    year: (count: number) => (count === 1 ? 'Annuelle' : `Tous les ${count} ans`),
  },
  frequencyMixed: 'Variable selon l’abonnement',
  noSubscriptions: 'Aucun abonnement actif',
  autoPay: 'Paiement automatique',
  autoPayOn: 'Activé',
  autoPayOff: 'Désactivé',
  overdue: (amount: string, count: number, formattedCount: string) =>
    count <= 1
      ? `Retard de paiement : ${amount} sur 1 facture.`
      : `Retard de paiement : ${amount} sur ${formattedCount} factures.`,
  balanceBreakdown: 'Détail de ce solde',
  overdueBreakdown: 'Factures en retard',
  due: (date: string) => `Échéance le ${date}`,
  notShown: (count: number, formatted: string) =>
    count <= 1 ? '1 autre n’est pas affichée ici.' : `${formatted} autres ne sont pas affichées ici.`,
  payNow: 'Payer maintenant',
  seeAllOutstanding: 'Voir toutes les factures à régler',
  manageSubscriptions: 'Gérer les abonnements',
  managePaymentMethods: 'Gérer les moyens de paiement',
  updated: (balance: string) => `Récapitulatif de facturation mis à jour. Solde à régler : ${balance}.`,
};
