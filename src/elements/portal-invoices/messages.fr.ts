import type { InvoicesMessages } from './messages.en.js';

export const fr: InvoicesMessages = {
  caption: 'Factures et commandes, de la plus récente à la plus ancienne',
  filterLabel: 'Afficher',
  filters: {
    all: 'Toutes',
    outstanding: 'À régler',
    paid: 'Réglées',
  },
  columns: {
    number: 'Numéro',
    kind: 'Type',
    issueDate: 'Émise le',
    dueDate: 'Échéance',
    total: 'Total',
    amountDue: 'Reste à payer',
    status: 'Statut',
  },
  empty: {
    all: 'Aucune facture pour le moment',
    outstanding: 'Rien à payer — vous êtes à jour',
    paid: 'Aucune facture réglée pour le moment',
  },
  loadingMore: 'Chargement de la suite…',
  shown: (count: number, formatted: string) =>
    count <= 1 ? `${formatted} ligne affichée` : `${formatted} lignes affichées`,
  added: (count: number, formatted: string) =>
    count <= 1 ? '1 ligne de plus chargée.' : `${formatted} lignes de plus chargées.`,
  updated: 'La liste des factures a été mise à jour.',
};
