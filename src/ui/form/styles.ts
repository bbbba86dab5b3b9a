import { css } from 'lit';

/**
 * The rules `renderField` and `renderMoneyInput` need beyond `.field` in ui/styles.ts: the optional
 * marker, read-only fields, the password reveal button and the money input's currency sign; and the
 * radio choices drawn as cards (a payment method, a plan, a reason: `.choices` > `.choice`). Shadow-DOM
 * elements add them to their `static styles`; light-DOM ones (the login) to their scoped styles.
 */
export const formStyles = css`
  /* A group of radios (a fieldset or a div), each a .choice card: its input, then a label and details. */
  .choices {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    border: 0;
    padding: 0;
  }
  .choices legend {
    font-weight: 600;
    margin-block-end: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-block-size: var(--_control-height);
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
    inline-size: 1.5rem;
    block-size: 1.5rem;
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
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .optional {
    font-weight: 400;
    color: var(--_text-muted);
  }
  .field input[readonly] {
    background: var(--_surface-raised);
  }
  .password {
    display: flex;
    gap: 0.5rem;
  }
  .password input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .password .reveal {
    flex: none;
    font-weight: 500;
    white-space: nowrap;
  }
  .password .reveal[aria-pressed='true'] {
    background: var(--_surface-raised);
  }
  .money-input {
    display: flex;
    align-items: stretch;
  }
  .money-input input {
    flex: 1 1 auto;
    min-width: 0;
    font-variant-numeric: tabular-nums;
  }
  .money-input .currency {
    display: flex;
    align-items: center;
    padding: 0 0.75rem;
    border: 1px solid var(--_border);
    background: var(--_surface-raised);
    color: var(--_text-muted);
  }
  .money-input.prefix .currency {
    border-inline-end: none;
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .money-input.prefix input {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .money-input.suffix .currency {
    order: 1;
    border-inline-start: none;
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .money-input.suffix input {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
`;
