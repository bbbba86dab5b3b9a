import { css } from 'lit';

/**
 * Cards that wrap their facts and buttons on a narrow column (container queries: the element may sit in
 * a sidebar), long plan names that break instead of overflowing, logical properties only (RTL).
 */
export const subscriptionsStyles = css`
  :host {
    container-type: inline-size;
  }
  .subscriptions,
  .panel,
  .panel form,
  .quote {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  h3,
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .list,
  .plans {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .plans {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .subscription,
  .plan {
    display: grid;
    gap: 0.5rem;
    align-content: start;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    overflow-wrap: anywhere;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }
  .status-line,
  .hint {
    color: var(--_text-muted);
  }
  .price,
  .quote-for {
    font-weight: 600;
  }
  .features {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .scheduled {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .panel {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
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
  .field input,
  .field textarea {
    max-inline-size: 20rem;
  }
  .error {
    color: var(--_danger, inherit);
  }
  .notices:empty {
    display: none;
  }
`;
