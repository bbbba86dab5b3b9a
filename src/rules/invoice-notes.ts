import type { InvoiceNote, Session } from '../model/index.js';

/**
 * A note a customer adds to an invoice (the `customerNotes` capability is checked first). Someone signed
 * in by email link is a person at the company, not the company: the note is signed with their address.
 */
export function customerNote(input: {
  id: string;
  body: string;
  createdAt: string;
  session: Pick<Session, 'method' | 'email'> | null;
  customerName: string;
}): InvoiceNote {
  const { session } = input;
  return {
    id: input.id,
    author: 'customer',
    authorName: session?.method === 'magic_link' ? session.email : input.customerName,
    body: input.body,
    createdAt: input.createdAt,
  };
}
