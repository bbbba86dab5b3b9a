import type { TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import type { PortalError } from '../../contract/errors.js';
import type { LoginT as Messages } from './messages.js';
import type { PortalStore } from '../../core/store.js';
import type { PortalSettings } from '../../model/index.js';
import type { CardEntryController } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import type { FieldSpec, Values } from '../../ui/form/specs.js';

export const LOGIN_VIEWS = [
  'sign-in',
  'magic-link-sent',
  'magic-link-confirm',
  'forgot-password',
  'reset-password',
  'change-temporary-password',
  'sign-up',
] as const;
export type LoginView = (typeof LOGIN_VIEWS)[number];

/** The requests the login makes, named as in the adapter (they are `portal-error`'s `operation`). */
export type Operation =
  | 'signIn'
  | 'requestMagicLink'
  | 'verifyMagicLink'
  | 'requestPasswordReset'
  | 'resetPassword'
  | 'completePasswordChange'
  | 'signUp';

/** What the customer is told about their last attempt in one view. */
export interface Feedback {
  /** A failure that belongs to no single field; shown above the form and announced. */
  message?: string;
  /** Field path → message as of the last submit, in form order: the error summary's list. */
  fields?: ReadonlyMap<string, string>;
  /** The address already has an account: offer signing in and resetting the password instead. */
  suggestSignIn?: boolean;
  /** A success to state where the customer now is ("your password has been changed"). */
  notice?: string;
}

/** A submit button: the main one unless `primary: false`; `intent` tells two submits of a form apart. */
export interface SubmitOptions {
  primary?: boolean;
  intent?: string;
}

/** A link to another view: where focus goes there, and whether it looks like a link or a button. */
export interface NavOptions {
  focus?: 'heading' | 'email';
  style?: 'link' | 'button';
}

/**
 * What `<portal-login>` gives its views (one module per view: its template and its submit). The views
 * hold no state of their own; everything they read or change lives on the element, which re-renders.
 */
export interface LoginViewHost {
  readonly t: Messages;
  readonly resolvedLocale: string;
  /** The email address in the form, shared by every view. */
  email: string;
  magicToken?: string;
  resetToken?: string;
  passwordChangeChallenge?: string;
  /** Where a reset link was sent, once it was. */
  resetRequestedFor: string | null;
  /** Sign-up: the shipping address is the billing one. */
  shipToBilling: boolean;
  /** Every value typed, the email included, by field path. */
  readonly formValues: Values;
  readonly headingId: string;
  /** Set while a request that starts a session runs: the session it brings finishes the sign-in. */
  awaitingSession: boolean;
  /** Sign-up's card fields, when the merchant requires a card. */
  readonly cardEntry: CardEntryController;
  /** Where the card is typed, or null when this page has no card fields. */
  readonly cardSource: (() => Promise<CardFieldsProvider>) | null;

  // Drawing
  renderHeading(text: string | TemplateResult): TemplateResult;
  renderField(view: LoginView, field: FieldSpec): TemplateResult;
  renderSubmit(label: string, operation: Operation, options?: SubmitOptions): TemplateResult;
  renderNav(label: string, view: LoginView, options?: NavOptions): TemplateResult;
  renderFeedback(view: LoginView, fields?: readonly FieldSpec[]): TemplateResult;
  renderForm(onSubmit: (event: SubmitEvent) => void, content: unknown): TemplateResult;

  // Acting
  /** Takes the values from the form itself: autofill does not always fire input events. */
  readForm(event: SubmitEvent): void;
  /** The values checked against the request's model schema, or null with the problems shown. */
  check<S extends z.ZodMiniType>(
    view: LoginView,
    schema: S,
    fields: readonly FieldSpec[],
    extra?: Record<string, unknown>,
  ): z.infer<S> | null;
  /** Runs one request, or none (null) while another runs; failures come back as PortalError. */
  request<T>(
    operation: Operation,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> | null;
  /** Shows a failed request: field errors next to their fields, everything else above the form. */
  fail(view: LoginView, operation: Operation, error: PortalError, fields: readonly FieldSpec[]): void;
  /** Opens a view with fresh feedback; focus goes to its heading. */
  go(view: LoginView, feedback?: Feedback | null): void;
  /** Stays in the view and says something there. */
  notify(view: LoginView, feedback: Feedback, announcement?: string): void;
  focusHeading(): void;
}

/** The view to draw: the one asked for, if the settings allow it and the element has what it needs. */
export function viewToShow(
  asked: string,
  settings: PortalSettings,
  has: { email: string; passwordChangeChallenge?: string },
): LoginView {
  const view = (LOGIN_VIEWS as readonly string[]).includes(asked) ? (asked as LoginView) : 'sign-in';
  switch (view) {
    case 'sign-up':
      return settings.accountCreation.enabled ? view : 'sign-in';
    case 'forgot-password':
      return settings.signIn.password ? view : 'sign-in';
    case 'magic-link-sent':
      return has.email && settings.signIn.magicLink ? view : 'sign-in';
    case 'change-temporary-password':
      return has.passwordChangeChallenge ? view : 'sign-in';
    default:
      return view;
  }
}

/** A view: its template for the merchant's settings, drawn by the element's `render()`. */
export type RenderView = (login: LoginViewHost, settings: PortalSettings) => TemplateResult;
