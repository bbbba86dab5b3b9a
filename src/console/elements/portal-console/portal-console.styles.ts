import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: block;
  }
  .shell {
    display: grid;
    gap: var(--_space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding-block-end: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .body {
    display: grid;
    grid-template-columns: minmax(10rem, 13rem) minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
  }
  @media (max-width: 40rem) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  nav ul {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: flex;
    align-items: center;
    min-height: var(--_control-height, 2.5rem);
    padding-inline: 0.75rem;
    border-radius: var(--_radius);
    color: inherit;
    text-decoration: none;
  }
  nav a:hover {
    text-decoration: underline;
  }
  nav a[aria-current='page'] {
    background: var(--portal-color-primary, #0f766e);
    color: var(--portal-color-on-primary, #fff);
    font-weight: 600;
  }
  nav a:focus-visible {
    outline: 2px solid var(--portal-focus-ring, #2563eb);
    outline-offset: 2px;
  }
  main {
    display: grid;
    gap: var(--_space);
    align-content: start;
    min-width: 0;
  }
  main h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  main h2:focus {
    outline: none;
  }
`;
