import { css } from 'lit';

/**
 * Rows that keep their height whatever badges they carry, actions that wrap under the method on a narrow
 * column (container queries: the element may sit in a sidebar), logical properties only (RTL).
 */
export const paymentMethodsStyles = css`
  .methods {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3 {
    margin: 0;
  }
  .method {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    min-block-size: 3.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .what {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    min-inline-size: 0;
  }
  .label {
    font-weight: 600;
  }
  .details,
  .why {
    color: var(--_text-muted);
  }
  .badges {
    display: inline-flex;
    gap: 0.375rem;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .why {
    margin: 0;
    flex-basis: 100%;
    font-size: 0.875em;
  }
  .card-fields {
    min-block-size: 12rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 24px;
  }
  .dialog-form {
    display: grid;
    gap: var(--_space);
  }
  .dependents {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .offer p {
    margin-block-end: 0.5rem;
  }
  @container (max-width: 30rem) {
    .row-actions {
      flex-basis: 100%;
    }
  }
`;
