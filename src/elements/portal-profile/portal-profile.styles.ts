import { css } from 'lit';

/**
 * Forms stacked as cards, fields in one column that pairs up on a wide container (container queries:
 * the element may sit in a sidebar), logical properties only (RTL).
 */
export const profileStyles = css`
  :host {
    container-type: inline-size;
  }
  .profile {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3 {
    margin: 0;
  }
  h3 {
    font-size: 1rem;
  }
  .card {
    display: grid;
    gap: var(--_space);
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  fieldset {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .hint,
  .current .label {
    color: var(--_text-muted);
  }
  .hint,
  .current,
  .verification {
    margin: 0;
  }
  .current {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  .current .value,
  .lines span {
    overflow-wrap: anywhere;
  }
  .lines {
    display: grid;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 24px;
  }
  .verification {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }
  .notice-slot:empty {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
