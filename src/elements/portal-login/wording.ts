import type { PortalError } from '../../contract/errors.js';
import type { FormStateController } from '../../controllers/form-state.js';
import type { LoginT as Messages } from './messages.js';
import type { FieldSpec } from '../../ui/form/specs.js';
import { fieldForPath, messageFor } from '../../ui/form/validate.js';
import { errorMessage } from '../../ui/states.js';
import type { Feedback, Operation } from './view-host.js';

/** What the login says while a request runs and when one fails: one place for every view's words. */

/** "in 30 seconds", "dans 15 minutes": Intl words the wait, plurals included. */
function retryWhen(locale: string, seconds: number): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  // Past two minutes, a count of seconds is harder to read than minutes.
  return seconds < 120
    ? format.format(Math.ceil(seconds), 'second')
    : format.format(Math.ceil(seconds / 60), 'minute');
}

export function progressLabel(t: Messages, operation: Operation): string {
  switch (operation) {
    case 'signIn':
    case 'verifyMagicLink':
      return t.login.signingIn;
    case 'requestMagicLink':
      return t.login.sendingLink;
    case 'requestPasswordReset':
      return t.common.sending;
    case 'resetPassword':
    case 'completePasswordChange':
      return t.common.saving;
    case 'signUp':
      return t.login.signingUp;
  }
}

/** The words above the form for a failure that is not about one field. */
export function failureMessage(
  t: Messages,
  locale: string,
  operation: Operation,
  error: PortalError,
): string {
  switch (error.code) {
    case 'unauthorized':
      // The same words for a wrong password and an unknown address: nothing tells them apart.
      return operation === 'signIn' ? t.login.invalidCredentials : errorMessage(t, error);
    case 'account_locked':
      return t.errors.account_locked;
    case 'rate_limited':
      return error.retryAfterSeconds
        ? t.login.tooManyAttempts(retryWhen(locale, error.retryAfterSeconds))
        : t.errors.rate_limited;
    case 'forbidden':
      return operation === 'signUp' ? t.login.signUpUnavailable : t.login.signInUnavailable;
    default:
      return errorMessage(t, error);
  }
}

/**
 * A failed request's feedback: the backend's field errors placed on the form's fields (through `form`,
 * so each clears once its field is edited), in form order, and the words above the form for the rest.
 */
export function placeFailure(
  t: Messages,
  locale: string,
  form: FormStateController<Operation>,
  operation: Operation,
  error: PortalError,
  fields: readonly FieldSpec[],
): Feedback {
  let suggestSignIn = false;
  form.reset();
  const unplaced = form.placeServerErrors(error.fieldErrors, (fieldError) => {
    const field = fieldForPath(fields, fieldError.path);
    if (!field || field.readonly) return null;
    if (field.path === 'email' && fieldError.code === 'taken') suggestSignIn = true;
    // The only "invalid" a forced change can get for its new password: it is the temporary one.
    const sameAsTemporary =
      operation === 'completePasswordChange' && field.path === 'newPassword' && fieldError.code === 'invalid';
    return {
      id: field.path,
      message: sameAsTemporary ? t.login.sameAsTemporary : messageFor(t, field, fieldError.code),
    };
  });
  const placed = form.serverErrors;
  const ordered = new Map(
    fields.flatMap((field) => {
      const message = placed.get(field.path);
      return message ? [[field.path, message] as const] : [];
    }),
  );
  const message =
    error.code !== 'validation'
      ? failureMessage(t, locale, operation, error)
      : unplaced.length > 0 || ordered.size === 0
        ? t.errors.validation
        : undefined;
  return { message, fields: ordered, suggestSignIn };
}
