import { css } from 'lit';

/**
 * The rules `renderField` and `renderMoneyInput` need beyond `.field` in ui/styles.ts: the optional
 * marker, read-only fields, the password reveal button and the money input's currency sign. Shadow-DOM
 * elements add them to their `static styles`; light-DOM ones (the login) to their scoped styles.
 */
export const formStyles = css`
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
