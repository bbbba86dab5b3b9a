import { css } from 'lit';

/**
 * Cards that wrap their facts and buttons on a narrow column (container queries: the element may sit in
 * a sidebar), long plan names that break instead of overflowing, logical properties only (RTL).
 */
export const subscriptionsStyles = css`
  .subscriptions,
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
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .list {
    gap: 0.75rem;
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
  .status-line {
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
  .field input,
  .field textarea {
    max-inline-size: 20rem;
  }
  .error {
    color: var(--_danger, inherit);
  }
`;
