import { css } from 'lit';

/**
 * The console's people sections (customers, access, access logs): wide tables that scroll sideways on a
 * narrow screen instead of breaking the page, filters and pagers that wrap, logical properties only (RTL).
 */
export const peopleStyles = css`
  :host {
    container-type: inline-size;
  }
  .people {
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
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .table-wrap[aria-busy='true'] {
    opacity: 0.6;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.5rem 0.75rem;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    font-weight: 600;
    background: var(--_surface-raised);
    white-space: nowrap;
  }
  tbody tr:last-child > * {
    border-block-end: 0;
  }
  tbody th {
    font-weight: 600;
  }
  .email {
    overflow-wrap: anywhere;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .row-problem {
    margin-block-start: 0.5rem;
  }
  .filters,
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
  }
  .filters .field,
  .search .field {
    flex: 1 1 12rem;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .hint {
    color: var(--_text-muted);
  }
  .dialog-form,
  .panel {
    display: grid;
    gap: var(--_space);
  }
  .panel {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .preview {
    display: grid;
    gap: var(--_space);
  }
  .preview-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .preview-bar p {
    margin: 0;
  }
  .preview-portal {
    display: block;
    padding: 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
`;
