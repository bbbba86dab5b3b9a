import type { Catalog } from '../../core/i18n/index.js';

/**
 * The English messages of `<portal-invoice>`: one invoice, its lines, payments and notes. They ship in the element's own code; their shape is
 * the `InvoiceMessages` type the other languages must fill, so a missing translation is a type error.
 */
export const en = {
  heading: (kind: string, number: string) => `${kind} ${number}`,
  issued: 'Issued',
  due: 'Due',
  noneSelected: 'Choose an invoice or order to see its details.',
  linesHeading: 'Items',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  subtotal: 'Subtotal',
  taxLine: (name: string, rate: string) => `${name} (${rate})`,
  tax: 'Tax',
  total: 'Total',
  paymentsHeading: 'Payments',
  noPayments: 'No payments yet.',
  paidAt: 'Date',
  method: 'Payment method',
  amountPaid: 'Amount paid',
  amountDue: 'Amount due',
  notesHeading: 'Notes',
  noNotes: 'No notes yet.',
  fromMerchant: 'Merchant',
  fromCustomer: 'You',
  replyLabel: 'Add a note',
  replyHint: (merchant: string) => `${merchant} will see your note on this invoice.`,
  charactersLeft: (count: number, formatted: string) =>
    count === 1 ? '1 character left' : `${formatted} characters left`,
  noteRequired: 'Write your note before sending it.',
  sendNote: 'Send note',
  sendingNote: 'Sending your note…',
  noteSent: 'Your note was sent.',
  notesOff: 'Notes cannot be added to this invoice right now.',
  downloadPdf: 'Download PDF',
  preparingPdf: 'Preparing the PDF…',
  pdfStarted: 'The PDF download has started.',
  pdfFailed: (reason: string) => `We could not prepare the PDF. ${reason}`,
  pay: {
    invoice: 'Pay this invoice',
    order: 'Pay this order',
  },
  backTo: (number: string) => `Back to ${number}`,
};

export type InvoiceMessages = Catalog<typeof en>;
