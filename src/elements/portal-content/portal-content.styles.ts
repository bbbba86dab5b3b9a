import { css } from 'lit';

/**
 * The page list and one page. The merchant's HTML keeps its structure only (no style attributes, classes
 * or style elements survive sanitizing), so these rules are the only styling it gets, and `contain`
 * keeps whatever it renders inside the element's own box.
 */
export const contentStyles = css`
  :host {
    display: block;
  }
  .groups {
    display: grid;
    gap: var(--_space);
  }
  .group h2,
  .page-title {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    line-height: 1.4;
  }
  .pages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .pages .button.link {
    min-block-size: 24px;
    text-align: start;
  }
  .page {
    display: grid;
    gap: 0.5rem;
  }
  .page-title:focus {
    outline: none;
  }
  .page-title:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .back {
    justify-self: start;
  }
  .page-body {
    contain: content;
    overflow-wrap: anywhere;
    line-height: 1.6;
    max-inline-size: 70ch;
  }
  .page-body > :first-child {
    margin-block-start: 0;
  }
  .page-body a {
    color: var(--_primary-text);
  }
  .page-body h4,
  .page-body h5,
  .page-body h6 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1rem;
  }
  .page-body ul,
  .page-body ol {
    padding-inline-start: 1.5rem;
  }
  .page-body blockquote {
    margin-inline: 0;
    padding-inline-start: 1rem;
    border-inline-start: 3px solid var(--_border);
  }
  .page-body pre {
    overflow-x: auto;
  }
  .page-body table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
    max-inline-size: 100%;
  }
  .page-body caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  .page-body th,
  .page-body td {
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    text-align: start;
  }
  .page-body address {
    font-style: normal;
  }
`;
