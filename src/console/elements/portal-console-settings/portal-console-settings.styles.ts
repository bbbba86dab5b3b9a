import { css } from 'lit';

export const settingsStyles = css`
  .settings,
  form {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }
  fieldset {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-inline-size: 0;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .nested {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding-inline-start: 1.75rem;
  }
  .toggle {
    display: grid;
    gap: 0.125rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 24px;
  }
  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .toggle .hint,
  .toggle .error {
    padding-inline-start: 1.75rem;
  }
  .error {
    color: var(--_danger, #b91c1c);
  }
  .field.number input {
    max-inline-size: 8rem;
  }
  .rows {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  .plan-id {
    min-inline-size: 10rem;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .add {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.75);
  }
  .bar {
    position: sticky;
    inset-block-end: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 0.75);
    background: var(--_surface, Canvas);
    border-block-start: 1px solid var(--_border);
  }
`;
