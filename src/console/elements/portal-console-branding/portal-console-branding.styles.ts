import { css } from 'lit';

export const brandingStyles = css`
  .branding {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: calc(var(--_space) * 1.5);
    align-items: start;
  }
  section,
  form {
    display: grid;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.0625rem;
  }
  p {
    margin: 0;
  }
  .color {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .color input[type='text'] {
    flex: 1 1 auto;
    min-width: 0;
  }
  .color input[type='color'] {
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0.125rem;
  }
  .error {
    color: var(--_danger, #b91c1c);
  }
  figure {
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  figcaption {
    color: var(--_text-muted);
  }
  .portal {
    display: grid;
    gap: 0.75rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #fff;
    color: #111827;
  }
  .portal-header {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    font-weight: 600;
  }
  .portal-logo,
  .logo img {
    max-block-size: 3rem;
    max-inline-size: 12rem;
    object-fit: contain;
  }
  .portal-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
  }
  .portal-button {
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    padding-inline: 1rem;
    border-radius: var(--_radius);
    background: var(--portal-color-primary, #1f2937);
    color: var(--portal-color-on-primary, #fff);
    font-weight: 600;
  }
  .portal-link {
    color: var(--portal-color-primary-text-light, #1d4ed8);
    text-decoration: underline;
  }
  .contrast {
    display: grid;
    gap: 0.25rem;
  }
  .logo {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
`;
