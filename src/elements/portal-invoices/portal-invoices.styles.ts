import { css } from 'lit';

/**
 * A table on wide containers and stacked cards on narrow ones, chosen by the element's own width
 * (container queries: the list may sit in a narrow column of a wide page). Skeleton rows use the real
 * rows' cells, so they have the same height in both layouts. Logical properties only (RTL).
 */
export const invoicesStyles = css`
  :host {
    --_row-height: var(--portal-invoices-row-height, 3rem);
    container-type: inline-size;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-end: var(--_space);
  }
  .filter-label {
    font-weight: 600;
  }
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segment {
    position: relative;
    display: flex;
  }
  /* The native radio stays the control (arrow keys, form semantics); the text on top is its face. */
  .segment input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    display: flex;
    align-items: center;
    min-block-size: 2.5rem;
    padding-inline: 1rem;
    font-weight: 600;
  }
  .segment + .segment span {
    border-inline-start: 1px solid var(--_border);
  }
  .segment input:checked + span {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .segment input:focus-visible + span {
    outline: 2px solid var(--_focus);
    outline-offset: -4px;
  }
  .segment input:checked:focus-visible + span {
    outline-color: var(--_on-primary);
  }
  @media (forced-colors: active) {
    .segment input:checked + span {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    block-size: var(--_row-height);
    padding-block: 0;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    white-space: nowrap;
  }
  thead th {
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-weight: 600;
    white-space: normal;
  }
  tbody th {
    font-weight: inherit;
  }
  .money {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .open {
    font-weight: 600;
  }
  .skeleton-row .skeleton {
    inline-size: 70%;
    min-inline-size: 3rem;
  }
  .skeleton-row .money .skeleton {
    margin-inline-start: auto;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1rem;
    margin-block-start: var(--_space);
  }
  .footer:empty {
    display: none;
  }
  .count {
    margin: 0;
    color: var(--_text-muted);
  }
  .footer .alert {
    flex: 1 1 100%;
  }
  @container (width < 48rem) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 0.25rem 1rem;
      padding-block: 0.75rem;
      border-block-end: 1px solid var(--_border);
    }
    tbody th,
    tbody td {
      block-size: auto;
      min-block-size: 1.5rem;
      padding: 0;
      border: 0;
      white-space: normal;
    }
    tbody .status {
      justify-self: end;
    }
    tbody .money {
      text-align: start;
    }
    /* Labels for sighted readers only: screen readers already hear each cell's column header. */
    tbody td[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      color: var(--_text-muted);
      font-size: 0.8125rem;
    }
    .skeleton-row td::before {
      content: '';
      display: block;
      block-size: 1.2rem;
    }
    .skeleton-row .money .skeleton {
      margin-inline-start: 0;
    }
  }
`;
