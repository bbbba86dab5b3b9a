import type { InvoicesMessages } from './messages.en.js';

export const es: InvoicesMessages = {
  caption: 'Facturas y pedidos, de los más recientes a los más antiguos',
  filterLabel: 'Mostrar',
  filters: {
    all: 'Todas',
    outstanding: 'Pendientes',
    paid: 'Pagadas',
  },
  columns: {
    number: 'Número',
    kind: 'Tipo',
    issueDate: 'Emitida',
    dueDate: 'Vencimiento',
    total: 'Total',
    amountDue: 'Importe pendiente',
    status: 'Estado',
  },
  empty: {
    all: 'Todavía no hay facturas',
    outstanding: 'Nada que pagar: está al día',
    paid: 'Todavía no hay facturas pagadas',
  },
  loadingMore: 'Cargando más…',
  shown: (count: number, formatted: string) =>
    count === 1 ? 'Mostrando 1 fila' : `Mostrando ${formatted} filas`,
  added: (count: number, formatted: string) =>
    count === 1 ? 'Se cargó 1 fila más.' : `Se cargaron ${formatted} filas más.`,
  updated: 'La lista de facturas se ha actualizado.',
};
