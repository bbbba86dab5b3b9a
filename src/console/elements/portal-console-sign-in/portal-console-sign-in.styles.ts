import { css } from 'lit';
import { formStyles } from '../../../ui/form/styles.js';

/** Adopted into the document inside `@scope (portal-console-sign-in)`: plain selectors reach nothing else. */
export const signInStyles = css`
  ${formStyles}
  .sign-in {
    display: grid;
    gap: var(--_space);
    max-width: 26rem;
    margin-inline: auto;
  }
  .sign-in h2 {
    margin: 0;
    font-size: 1.375rem;
  }
  .sign-in h2:focus {
    outline: none;
  }
  .sign-in p {
    margin: 0;
  }
  .sign-in form {
    display: grid;
    gap: var(--_space);
  }
`;
