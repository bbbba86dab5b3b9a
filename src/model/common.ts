import * as z from 'zod/mini';

/** An opaque identifier issued by the backend. */
export const Id = z.string().check(z.minLength(1), z.maxLength(128));
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant, ISO 8601 with an offset (`2026-11-21T10:00:00Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Email = z.email().check(z.maxLength(254));
/** A short line of text typed by a person (names, numbers, cities). */
export const ShortText = z.string().check(z.maxLength(200));
export const RequiredText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const Password = z.string().check(z.minLength(1), z.maxLength(256));
/** A password chosen by the customer: the length rule every backend enforces (NIST 800-63B: 8+). */
export const NewPassword = z.string().check(z.minLength(8, 'too_short'), z.maxLength(256, 'too_long'));

export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'country must be ISO 3166-1 alpha-2'));

export const Address = z.object({
  line1: RequiredText,
  line2: z.optional(ShortText),
  city: RequiredText,
  region: z.optional(ShortText),
  postalCode: z.optional(ShortText),
  country: CountryCode,
});
export type Address = z.infer<typeof Address>;

export const Contact = z.object({
  name: RequiredText,
  email: z.optional(Email),
  phone: z.optional(ShortText),
});
export type Contact = z.infer<typeof Contact>;

/** A page of results and the cursor of the next page (null on the last page). */
export function Page<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Idempotency keys are generated once per customer intent (see core/idempotency). */
export const IdempotencyKey = z.string().check(z.minLength(16), z.maxLength(255));
