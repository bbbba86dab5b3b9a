import type { InvoicesMessages } from './messages.en.js';

export const de: InvoicesMessages = {
  caption: 'Rechnungen und Bestellungen, neueste zuerst',
  filterLabel: 'Anzeigen',
  filters: {
    all: 'Alle',
    outstanding: 'Offen',
    paid: 'Bezahlt',
  },
  columns: {
    number: 'Nummer',
    kind: 'Art',
    issueDate: 'Ausgestellt',
    dueDate: 'Fällig',
    total: 'Gesamt',
    amountDue: 'Offener Betrag',
    status: 'Status',
  },
  empty: {
    all: 'Noch keine Rechnungen',
    outstanding: 'Nichts zu bezahlen – Sie sind auf dem neuesten Stand',
    paid: 'Noch keine bezahlten Rechnungen',
  },
  loadingMore: 'Weitere werden geladen…',
  shown: (count: number, formatted: string) =>
    count === 1 ? '1 Zeile angezeigt' : `${formatted} Zeilen angezeigt`,
  added: (count: number, formatted: string) =>
    count === 1 ? '1 weitere Zeile geladen.' : `${formatted} weitere Zeilen geladen.`,
  updated: 'Die Liste der Rechnungen wurde aktualisiert.',
};
