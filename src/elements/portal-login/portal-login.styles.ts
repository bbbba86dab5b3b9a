import { css } from 'lit';
import { formStyles } from '../../ui/form/styles.js';

/**
 * The sign-in form's own rules. They are adopted into the document inside `@scope (portal-login)`
 * (see `adoptScopedDocumentStyles`), so plain class selectors here reach nothing outside the element.
 */
export const loginStyles = css`
  ${formStyles}
  .login {
    display: grid;
    gap: var(--_space);
    max-width: var(--portal-login-max-width, 28rem);
    margin-inline: auto;
  }
  .login h2 {
    font-size: 1.375rem;
  }
  /* Headings take focus only so screen readers announce the new step; they are not controls. */
  .login h2:focus {
    outline: none;
  }
  .login p {
    margin: 0;
  }
  .login form {
    display: grid;
    gap: var(--_space);
  }
  .login fieldset {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .login legend {
    padding-inline: 0.25rem;
    font-weight: 700;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 1.5rem;
    cursor: pointer;
  }
  .check input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
  }
  .actions {
    display: grid;
    gap: 0.75rem;
  }
  .divider {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--_text-muted);
  }
  .divider::before,
  .divider::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--_border);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
    flex-basis: 100%;
  }
  .summary .button.link {
    color: inherit;
    text-align: start;
  }
  /* Roughly the height of the sign-in form, so the page does not jump when the settings arrive. */
  .login .loading {
    display: grid;
    align-content: start;
    gap: 1rem;
    min-height: 22rem;
  }
  .login .loading .skeleton {
    height: var(--_control-height);
    margin: 0;
  }
  .login .loading .skeleton:nth-child(2) {
    width: 70%;
    height: 1.75rem;
  }
`;
