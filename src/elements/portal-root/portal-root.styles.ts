import { css } from 'lit';

export const rootStyles = css`
  :host {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    container-type: inline-size;
    min-height: 20rem;
  }
  /* A section or sign-in form whose code is still on its way keeps a box, so what follows stays put. */
  .main > :not(:defined),
  .gate ::slotted(:not(:defined)) {
    display: block;
    min-block-size: 16rem;
  }
  .shell {
    display: grid;
    grid-template-rows: auto auto 1fr;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
    padding: 0.75rem var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-inline-end: auto;
    min-height: 2.5rem;
  }
  .brand img {
    /* Fixed box: a slow logo cannot shift the layout. */
    width: 2.5rem;
    height: 2.5rem;
    object-fit: contain;
  }
  .brand .merchant {
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    min-width: 0;
    gap: 0.75rem;
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }
  /*
   * The header's buttons keep their words whole: user text may break anywhere (overflow-wrap), which
   * lets a flex item shrink below its button's width; the brand and the name give way instead.
   */
  .account > portal-quick-order,
  .account > .button {
    flex: none;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0.5rem var(--_space) 0;
    list-style: none;
    border-block-end: 1px solid var(--_border);
  }
  nav button {
    min-height: 2.75rem;
    padding: 0 0.9rem;
    border: none;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_text-muted);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  nav button[aria-current='page'] {
    color: var(--_primary-text);
    border-block-end-color: var(--_primary);
  }
  .main {
    padding: var(--_space);
    min-width: 0;
  }
  .main > h2 {
    margin-block-end: var(--_space);
    font-size: 1.25rem;
  }
  .main > h2:focus {
    outline: none;
  }
  .gate {
    display: grid;
    justify-items: center;
    padding: calc(var(--_space) * 1.5) var(--_space);
  }
  .gate {
    gap: var(--_space);
  }
  .gate ::slotted(*),
  .gate > portal-profile {
    width: min(100%, 28rem);
  }
  .banner {
    padding: 0.5rem var(--_space);
    background: var(--_warning-surface);
    color: var(--_warning);
    font-weight: 600;
  }
  .placeholder {
    padding: var(--_space);
  }
  .overview-intro {
    margin: 0 0 var(--_space);
    color: var(--_text-muted);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space);
    margin: var(--_space) 0 0;
  }
  .back {
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .facts div {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  @container (max-width: 30rem) {
    .account .who {
      display: none;
    }
  }
  /* At 320 CSS px (or 640 px at 200 % zoom) every pixel of width goes to the section's content. */
  @container (max-width: 20rem) {
    .main {
      padding-inline: 0.75rem;
    }
  }
`;
