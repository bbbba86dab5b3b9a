import { css } from 'lit';

/** Logical properties only, so right-to-left pages mirror the layout. */
export const invoiceStyles = css`
  :host {
    container-type: inline-size;
  }
  /* minmax(0, 1fr): no section grows the invoice wider than its box, however long its words (seen in en-XA). */
  .invoice,
  .content {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
  }
  .invoice h2 {
    font-size: 1.375rem;
  }
  .invoice h3 {
    font-size: 1.0625rem;
    margin-block-end: 0.5rem;
  }
  /* Headings take focus only so screen readers announce where the customer landed. */
  h2:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  .header {
    display: grid;
    gap: 0.75rem;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  tfoot th {
    font-weight: 500;
    text-align: end;
  }
  tfoot td,
  tfoot th {
    border-block-end: none;
  }
  tfoot .total th,
  tfoot .total td {
    font-weight: 700;
    border-block-start: 2px solid var(--_border);
  }
  .totals {
    display: grid;
    grid-template-columns: auto auto;
    justify-content: end;
    gap: 0.25rem 1.5rem;
    margin: 0.5rem 0 0;
    font-variant-numeric: tabular-nums;
  }
  .totals dd {
    margin: 0;
    text-align: end;
    font-weight: 600;
  }
  .totals .due {
    font-weight: 700;
  }
  .muted {
    color: var(--_text-muted);
  }
  .notes {
    display: grid;
    gap: 0.75rem;
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .note {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .note.customer {
    margin-inline-start: 1.5rem;
    background: var(--_surface);
  }
  .note-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .note-meta .author {
    font-weight: 600;
    color: var(--_text);
  }
  /* The customer's line breaks are theirs; text is bound as text, never as markup. */
  .note-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  textarea {
    min-block-size: 6rem;
    resize: vertical;
  }
  .counter {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .pay-flow {
    display: grid;
    gap: var(--_space);
  }
  /* About the height of an invoice with a few lines, so nothing jumps when it arrives. */
  .loading {
    display: grid;
    align-content: start;
    gap: 0.9rem;
    min-height: 30rem;
  }
  .loading .skeleton:first-of-type {
    width: 40%;
    height: 1.75rem;
  }
  .loading .skeleton {
    height: 1.5rem;
    margin: 0;
  }
`;
