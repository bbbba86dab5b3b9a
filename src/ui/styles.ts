import { css, type CSSResult } from 'lit';

/**
 * The public styling surface: `--portal-*` custom properties (colours, font, radius, spacing) that
 * merchants may set anywhere above the portal. Private `--_*` variables resolve them with defaults for
 * light and dark surfaces; `light-dark()` follows the page's `color-scheme`, so the portal turns dark only
 * when the merchant's page says it supports dark.
 */
export const tokens = css`
  :host {
    --_primary: var(--portal-color-primary, #1d4ed8);
    --_primary-hover: var(--portal-color-primary-hover, #1e40af);
    --_primary-active: var(--portal-color-primary-active, #1e3a8a);
    --_on-primary: var(--portal-color-on-primary, #ffffff);
    --_primary-text: light-dark(
      var(--portal-color-primary-text-light, #1d4ed8),
      var(--portal-color-primary-text-dark, #93c5fd)
    );
    --_surface: var(--portal-color-surface, light-dark(#ffffff, #111827));
    --_surface-raised: var(--portal-color-surface-raised, light-dark(#f8fafc, #1f2937));
    --_text: var(--portal-color-text, light-dark(#111827, #f3f4f6));
    --_text-muted: var(--portal-color-text-muted, light-dark(#4b5563, #9ca3af));
    --_border: var(--portal-color-border, light-dark(#d1d5db, #374151));
    --_danger: var(--portal-color-danger, light-dark(#b91c1c, #fca5a5));
    --_danger-surface: light-dark(#fef2f2, #3f1d1d);
    --_success: var(--portal-color-success, light-dark(#047857, #6ee7b7));
    --_success-surface: light-dark(#ecfdf5, #064e3b);
    --_warning: var(--portal-color-warning, light-dark(#92400e, #fcd34d));
    --_warning-surface: light-dark(#fffbeb, #451a03);
    --_focus: var(--_primary-text);
    --_font: var(--portal-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--portal-font-size, 1rem);
    --_radius: var(--portal-radius, 0.5rem);
    --_space: var(--portal-spacing, 1rem);
    --_control-height: var(--portal-control-height, 2.75rem);
  }
`;

/** Host basics every element shares. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    /* A 200-character name or number with no space in it wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
`;

/**
 * Controls and states, written without `:host` so the same rules style shadow roots and, wrapped in
 * `@scope`, the light-DOM sign-in form (see `scopedDocumentStyles`).
 */
export const controlStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  a {
    color: var(--_primary-text);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: var(--_control-height);
    min-width: 2.75rem;
    padding: 0 1.1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    /* The light-DOM sign-in form is exposed to the page's CSS; set what pages commonly restyle. */
    text-transform: none;
    letter-spacing: normal;
  }
  .button:hover {
    background: var(--_surface-raised);
  }
  .button[aria-disabled='true'],
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .button.primary:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .button.primary:active {
    background: var(--_primary-active);
  }
  .button.link {
    min-height: 1.5rem;
    padding: 0;
    border: none;
    background: none;
    color: var(--_primary-text);
    font-weight: 500;
    text-decoration: underline;
  }
  .button.danger {
    color: var(--_danger);
  }
  .field {
    display: grid;
    gap: 0.3rem;
  }
  .field label {
    font-weight: 600;
  }
  .field .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .field input,
  .field select,
  .field textarea {
    min-height: var(--_control-height);
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-transform: none;
    letter-spacing: normal;
  }
  .field [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field .error {
    color: var(--_danger);
    font-size: 0.875em;
  }
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
  }
  .alert.error {
    color: var(--_danger);
    background: var(--_danger-surface);
  }
  .alert.success {
    color: var(--_success);
    background: var(--_success-surface);
  }
  .alert.warning {
    color: var(--_warning);
    background: var(--_warning-surface);
  }
  .alert.info {
    color: var(--_text);
    background: var(--_surface-raised);
    border-color: var(--_border);
  }
  .alert p {
    margin: 0;
    flex: 1 1 16rem;
  }
  .skeleton {
    display: block;
    height: 1em;
    margin: 0.25em 0;
    border-radius: 0.25em;
    background: linear-gradient(90deg, var(--_surface-raised), var(--_border), var(--_surface-raised));
    background-size: 200% 100%;
    animation: portal-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes portal-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .empty {
    padding: calc(var(--_space) * 1.5) var(--_space);
    text-align: center;
    color: var(--_text-muted);
  }
  .stack {
    display: grid;
    gap: var(--_space);
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
    border: 1px solid currentColor;
  }
  .badge.neutral {
    color: var(--_text-muted);
  }
  .badge.success {
    color: var(--_success);
    background: var(--_success-surface);
  }
  .badge.warning {
    color: var(--_warning);
    background: var(--_warning-surface);
  }
  .badge.danger {
    color: var(--_danger);
    background: var(--_danger-surface);
  }
  .badge.info {
    color: var(--_primary-text);
  }
  /* A row of buttons under a form or a document. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  /* Key figures as a definition list: a muted term above a bold value. */
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: 0;
  }
  .facts dt {
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding-block: 0.5rem;
    padding-inline: 0.25rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  /* Shown inside a busy button beside its progress label. */
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: portal-spin 0.8s linear infinite;
  }
  @keyframes portal-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;

/**
 * What the sections that list things and open a flow in a panel share (payment methods,
 * subscriptions): the list's reset, a sub-heading's size, a hint's colour, the notices above the list
 * (no gap while there are none) and the panel.
 */
export const sectionStyles = css`
  :host {
    container-type: inline-size;
  }
  h3 {
    font-size: 1rem;
  }
  .hint {
    color: var(--_text-muted);
  }
  .list {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .notices:empty {
    display: none;
  }
  .panel {
    display: grid;
    gap: var(--_space);
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;

/** Styles for the whole shadow root of an element. */
export const elementStyles: CSSResult[] = [tokens, hostStyles, controlStyles];

const adopted = new Set<string>();

/**
 * Light-DOM elements (the sign-in form, for password managers) cannot use a shadow root's styles. This
 * adopts the shared rules into the document once, fenced by `@scope (tag)` so they touch nothing else.
 * Constructable stylesheets work under a strict CSP (no inline <style>).
 */
export function adoptScopedDocumentStyles(tag: string, extra: CSSResult): void {
  if (adopted.has(tag)) return;
  adopted.add(tag);
  const host = (tokens.cssText + hostStyles.cssText)
    .replace(/:host\(([^)]*)\)/g, ':scope$1')
    .replace(/:host/g, ':scope');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@scope (${tag}) { ${host} ${controlStyles.cssText} ${extra.cssText} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
