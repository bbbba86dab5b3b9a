import { css } from 'lit';

/**
 * A table on wide containers and stacked cards on narrow ones, chosen by the element’s own width
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
  /*
   * One column template shared by every row, so rows that are separate grids still line up. The
   * minimums fit a one-line date, amount and status in en, fr and es; below their sum (plus room)
   * the rows become cards, so a row never wraps into a taller row than its skeleton.
   */
  .row {
    display: grid;
    grid-template-columns:
      minmax(8.5rem, 1.3fr) minmax(4.5rem, 0.8fr) minmax(7.5rem, 1fr) minmax(7.5rem, 1fr)
      minmax(6.5rem, 1fr) minmax(6.5rem, 1fr) minmax(9.5rem, 1.2fr);
    align-items: center;
    min-block-size: var(--_row-height);
    border-block-end: 1px solid var(--_border);
  }
  .cell {
    min-inline-size: 0;
    padding-inline: 0.5rem;
    overflow-wrap: anywhere;
  }
  /* Short values stay on one line in both layouts: a wrapped date would make a row taller. */
  .body :is(.issued, .due, .money, .status) {
    white-space: nowrap;
  }
  .head .row {
    min-block-size: 2.5rem;
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-weight: 600;
  }
  /*
   * Off-screen blocks skip style, layout and paint; "auto" remembers each block's real height once it
   * has been rendered, so the scrollbar does not jump.
   */
  .body .block {
    content-visibility: auto;
    contain-intrinsic-size: auto calc(var(--_row-height) * 100);
  }
  .money {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .open {
    font-weight: 600;
  }
  /*
   * Pay sits beside the number it pays, at the row's height, so a due row is no taller than a paid one
   * or its skeleton. Its word comes from CSS (the cell's text stays the number a screen reader pairs with
   * the column); its accessible name is "Pay", in the row header of its invoice.
   */
  .body .number {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .pay {
    flex: none;
    white-space: nowrap;
    min-block-size: 1.75rem;
    padding-block: 0;
    padding-inline: 0.75rem;
  }
  .pay::before {
    content: attr(data-text);
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
  @container (width < 52rem) {
    .head {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .row {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
      gap: 0.25rem 1rem;
      padding-block: 0.75rem;
    }
    /* Fixed line boxes (label, then value) shared with the skeleton, so a card keeps its height. */
    .cell {
      min-block-size: 1.75rem;
      padding: 0;
    }
    .status {
      justify-self: end;
    }
    .money {
      text-align: start;
    }
    /* Labels for sighted readers only: screen readers already hear each cell's column header. */
    .cell[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      block-size: 1.25rem;
      overflow: hidden;
      color: var(--_text-muted);
      font-size: 0.8125rem;
      line-height: 1.25rem;
    }
    .skeleton-row .cell:not(.number, .status)::before {
      content: '';
      display: block;
      block-size: 1.25rem;
    }
    .skeleton-row .money .skeleton {
      margin-inline-start: 0;
    }
  }
  /*
   * Too narrow for the number and Pay in half a card (320 CSS px, 200 % zoom): the number cell takes the
   * card's first line, in skeleton rows too, so a card keeps its height (seven cells make four lines).
   */
  @container (width < 22rem) {
    .body .row > .number,
    .skeleton-row > .number {
      grid-column: 1 / -1;
    }
  }
`;
