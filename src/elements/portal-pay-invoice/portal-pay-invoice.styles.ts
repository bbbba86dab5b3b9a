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
  .choice-detail {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
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
