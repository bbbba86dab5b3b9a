import { css } from 'lit';

/**
 * Figures in boxes that reflow with the element's own width (container queries, not the viewport: the
 * summary may sit in a narrow sidebar of a wide page). Every line has a fixed minimum height shared by
 * the skeleton and the content, so the figures arriving move nothing. Logical properties only (RTL).
 */
export const summaryStyles = css`
  :host {
    container-type: inline-size;
  }
  .summary {
    display: grid;
    gap: var(--_space);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--portal-summary-column-min, 12rem)), 1fr));
    gap: var(--_space);
    margin: 0;
  }
  .figure {
    min-inline-size: 0;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  /* The balance is what most customers come for: it spans the row, and its breakdown has room. */
  .figure.balance {
    grid-column: 1 / -1;
  }
  dt {
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.5rem;
  }
  dd {
    margin: 0;
  }
  /* flow-root: the skeleton bars' margins stay inside the line instead of collapsing through it. */
  .value {
    display: flow-root;
    min-block-size: 2rem;
    font-size: 1.125rem;
    font-weight: 700;
    line-height: 2rem;
    overflow-wrap: anywhere;
  }
  .balance .value {
    min-block-size: 2.75rem;
    font-size: 2rem;
    line-height: 2.75rem;
    font-variant-numeric: tabular-nums;
  }
  .detail {
    display: flow-root;
    min-block-size: 1.5rem;
    color: var(--_text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    min-block-size: 1.5rem;
    margin-block-start: 0.5rem;
  }
  .value .skeleton {
    inline-size: 8rem;
    block-size: 1.25rem;
    margin-block: 0.375rem;
  }
  .balance .value .skeleton {
    inline-size: 11rem;
    block-size: 2rem;
  }
  .detail .skeleton {
    inline-size: 6rem;
    block-size: 1rem;
    margin-block: 0.25rem;
  }
  /* A chevron drawn with borders: decorative, so it carries no text for screen readers. */
  .disclosure::before {
    content: '';
    display: inline-block;
    inline-size: 0.45em;
    block-size: 0.45em;
    margin-inline-end: 0.2em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 0.15s ease;
  }
  .disclosure:dir(rtl)::before {
    transform: rotate(135deg);
  }
  .disclosure[aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .disclosure::before {
      transition: none;
    }
  }
  .breakdown {
    margin-block-start: 0.75rem;
  }
  .overdue .breakdown {
    flex-basis: 100%;
    margin-block-start: 0;
    color: var(--_text);
  }
  .breakdown-list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .breakdown-item {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) minmax(8rem, 1.5fr) minmax(6rem, auto) minmax(7rem, auto);
    align-items: center;
    gap: 0.25rem 1rem;
    padding-block: 0.375rem;
    border-block-start: 1px solid var(--_border);
  }
  .breakdown-item .badge {
    justify-self: start;
  }
  .amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .more {
    margin: 0.5rem 0 0;
    color: var(--_text-muted);
  }
  .overdue p {
    font-weight: 600;
  }
  .paid-up {
    display: grid;
    gap: 0.25rem;
    padding: calc(var(--_space) * 1.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_success-surface);
    text-align: center;
  }
  .paid-up p {
    margin: 0;
  }
  .paid-up-title {
    color: var(--_success);
    font-size: 1.25rem;
    font-weight: 700;
  }
  @container (width < 32rem) {
    .breakdown-item {
      grid-template-columns: 1fr auto;
    }
    .breakdown-item .due {
      grid-column: 1;
      color: var(--_text-muted);
    }
  }
`;
