import { css } from 'lit';

export const payStyles = css`
  :host {
    container-type: inline-size;
    --_pay-max-width: var(--portal-pay-invoice-max-width, 40rem);
  }
  .pay {
    display: grid;
    gap: var(--_space);
    max-width: var(--_pay-max-width);
  }
  .pay h2 {
    font-size: 1.375rem;
  }
  /* Headings take focus only so screen readers announce the new step; they are not controls. */
  .pay h2:focus {
    outline: none;
  }
  .pay p {
    margin: 0;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 700;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-height: var(--_control-height);
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  .choice:has(input:disabled) {
    cursor: not-allowed;
    background: var(--_surface-raised);
  }
  /* 24px targets (WCAG 2.5.8), whatever size the browser draws radios at. */
  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .choice-body {
    display: grid;
    gap: 0.15rem;
  }
  .choice-label {
    font-weight: 600;
  }
  .choice-detail {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  /* The partial amount, under the choice that opened it; the money input comes from ui/form/styles.ts. */
  .nested {
    margin-inline-start: 2.25rem;
  }
  .rows {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 0.5rem 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .row .row-actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }
  @container (max-width: 30rem) {
    .row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  /*
   * At 320 CSS px (200 % zoom) the nested boxes give their room to the fields, so a method's whole name
   * ("Mastercard ending in 4444") fits its select: the fieldset keeps its legend and loses its frame.
   */
  @container (max-width: 18rem) {
    fieldset {
      padding: 0.5rem 0;
      border: none;
    }
    .row {
      padding: 0.375rem;
    }
    .row select {
      padding-inline: 0.5rem;
    }
  }
  .remainder {
    font-weight: 600;
  }
  .remainder.over {
    color: var(--_danger);
  }
  .split-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-block-end: none;
  }
  /* About the height of the payment form, so nothing jumps when the data arrives. */
  .loading {
    display: grid;
    align-content: start;
    gap: 1rem;
    min-height: 24rem;
  }
  .loading .skeleton {
    height: var(--_control-height);
    margin: 0;
  }
  .loading .skeleton:nth-child(2) {
    width: 60%;
    height: 1.75rem;
  }
  /* The card fields keep their room while they load, so nothing below jumps. */
  .card-fields {
    display: grid;
    gap: 0.5rem;
    min-block-size: 4rem;
  }
`;
