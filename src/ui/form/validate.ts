import * as z from 'zod/mini';
import { type FieldError, type FieldErrorCode, fieldErrorsFrom } from '../../contract/errors.js';
import type { Messages } from '../../core/i18n/index.js';
import { parseAmountInput } from '../../model/index.js';
import type { FieldSpec, Values } from './specs.js';

/**
 * Client-side checks, derived from the model: the form's values are put in the shape of the request
 * and parsed with the request's own zod schema (the one the adapters and the server parse it with), so
 * a rule lives once, in src/model. What the schema says is mapped onto fields through the same field
 * error codes a backend answers with, and worded by `messageFor`.
 */

/** A form's verdict: the parsed request, or messages by field path in form order (first to focus). */
export type FormCheck<T> =
  { ok: true; value: T } | { ok: false; errors: Map<string, string>; unplaced: FieldError[] };

/** The text in the field: what was typed, else the field's initial choice. */
export function valueOf(field: FieldSpec, values: Values): string {
  return values[field.path] ?? field.initial ?? '';
}

function isBlank(field: FieldSpec, text: string): boolean {
  return field.kind === 'password' ? text === '' : text.trim() === '';
}

/** What the request carries for one field; undefined for a blank one. A money field carries Money. */
function requestValue(field: FieldSpec, text: string, locale: string): unknown {
  if (isBlank(field, text)) return undefined;
  if (field.kind === 'money') {
    const parsed = parseAmountInput(text, field.currency ?? '', locale);
    // Text that is not an amount is not a number the schema could judge; the field says so itself.
    return parsed.ok ? parsed.value : undefined;
  }
  return (field.normalize ?? ((each: string) => each.trim()))(text);
}

/**
 * The request object the fields describe: dotted paths become nested objects, blank fields are left
 * out, read-only fields (shown, not sent) and confirmations are skipped. Every group a field belongs to
 * exists, even when all its fields are blank, so a required address is refused field by field.
 */
export function requestFrom(
  fields: readonly FieldSpec[],
  values: Values,
  locale: string,
): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.readonly || field.sameAs) continue;
    const keys = field.path.split('.');
    let target = request;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    const value = requestValue(field, valueOf(field, values), locale);
    if (value !== undefined) target[keys[keys.length - 1]] = value;
  }
  return request;
}

/** The field a request path belongs to: itself, or the first field of a group (`billingAddress`). */
export function fieldForPath(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  return (
    fields.find((field) => field.path === path) ?? fields.find((field) => field.path.startsWith(`${path}.`))
  );
}

/** The words for a field's error code: the field's own where it has them, else the catalog's. */
export function messageFor(t: Messages, field: FieldSpec | undefined, code: FieldErrorCode): string {
  return field?.messages?.[code] ?? t.fieldErrors[code] ?? t.fieldErrors.invalid;
}

/** A money field whose text reads as no amount at all (letters, two decimal marks, too many decimals). */
function unreadableAmount(field: FieldSpec, text: string, locale: string): boolean {
  return (
    field.kind === 'money' &&
    !isBlank(field, text) &&
    !parseAmountInput(text, field.currency ?? '', locale).ok
  );
}

/**
 * Checks the fields against `schema`, the model's schema for the request they make. `extra` holds the
 * parts of the request that are not fields (a reset token, a challenge).
 */
export function checkForm<S extends z.ZodMiniType>(
  t: Messages,
  schema: S,
  fields: readonly FieldSpec[],
  values: Values,
  locale: string,
  extra: Record<string, unknown> = {},
): FormCheck<z.infer<S>> {
  const byPath = new Map<string, string>();
  const unplaced: FieldError[] = [];
  const result = z.safeParse(schema, { ...extra, ...requestFrom(fields, values, locale) });
  const issues = result.success ? [] : fieldErrorsFrom(result.error);
  // An unreadable amount reached the schema as blank; "not valid" says more than "required".
  for (const field of fields) {
    if (unreadableAmount(field, valueOf(field, values), locale)) {
      byPath.set(field.path, messageFor(t, field, 'invalid'));
    }
  }
  for (const issue of issues) {
    const field = fieldForPath(fields, issue.path);
    if (!field || field.readonly) unplaced.push(issue);
    else if (!byPath.has(field.path)) byPath.set(field.path, messageFor(t, field, issue.code));
  }
  for (const field of fields) {
    if (field.readonly || byPath.has(field.path)) continue;
    const text = valueOf(field, values);
    if (field.sameAs) {
      const other = fields.find((each) => each.path === field.sameAs?.path);
      if (field.required && isBlank(field, text)) byPath.set(field.path, messageFor(t, field, 'required'));
      else if (other && text !== valueOf(other, values)) byPath.set(field.path, field.sameAs.message);
    }
  }
  if (result.success && byPath.size === 0) return { ok: true, value: result.data };
  const errors = new Map(
    fields.flatMap((field) => {
      const message = byPath.get(field.path);
      return message ? [[field.path, message] as const] : [];
    }),
  );
  return { ok: false, errors, unplaced };
}
