import * as z from 'zod/mini';

/**
 * A NUL character or a lone UTF-16 surrogate (half of a pair, without its other half): neither can be stored
 * (PostgreSQL refuses both in text) nor shown, and no person types one, so every text schema refuses them.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern is for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text can be stored and shown: no NUL, no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The base of every text field, path id and token the contract accepts: a string without NUL or lone
 * surrogates (refused as 'invalid' at the field). Add length and shape checks with `.check(...)`.
 */
export const StorableText = z.string().check(z.refine(isStorableText, 'invalid'));

/** An opaque identifier issued by the backend. */
export const Id = StorableText.check(z.minLength(1), z.maxLength(128));
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant, ISO 8601 with an offset (`2026-11-21T10:00:00Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Email = z.email().check(z.maxLength(254), z.refine(isStorableText, 'invalid'));
/** A short line of text typed by a person (names, numbers, cities). */
export const ShortText = StorableText.check(z.maxLength(200));
export const RequiredText = StorableText.check(z.trim(), z.minLength(1), z.maxLength(200));
export const Password = StorableText.check(z.minLength(1), z.maxLength(256));
/** A password chosen by the customer: the length rule every backend enforces (NIST 800-63B: 8+). */
export const NewPassword = StorableText.check(z.minLength(8, 'too_short'), z.maxLength(256, 'too_long'));

export const CountryCode = StorableText.check(z.regex(/^[A-Z]{2}$/, 'country must be ISO 3166-1 alpha-2'));

/**
 * How a country writes its addresses, where the portal knows it: what its region is called (none: the
 * country's addresses have no region line), what its postal code is called, and the shape of one. Forms
 * take their labels from here and `Address` its postal-code rule, so the two cannot disagree. Region and
 * postal code stay optional everywhere, as they always were: a customer is never blocked by our table.
 */
export interface AddressFormat {
  region: 'state' | 'province' | 'county' | null;
  postalCode: 'zip' | 'postcode' | 'postal';
  postalPattern: RegExp;
  /** A valid postal code, shown to the customer as an example. */
  postalExample: string;
}

export const ADDRESS_FORMATS: Readonly<Record<string, AddressFormat>> = {
  US: { region: 'state', postalCode: 'zip', postalPattern: /^\d{5}(-\d{4})?$/, postalExample: '94103' },
  CA: {
    region: 'province',
    postalCode: 'postal',
    postalPattern: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
    postalExample: 'K1A 0B1',
  },
  GB: {
    region: 'county',
    postalCode: 'postcode',
    postalPattern: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
    postalExample: 'SW1A 1AA',
  },
  FR: { region: null, postalCode: 'postal', postalPattern: /^\d{5}$/, postalExample: '75002' },
  DE: { region: null, postalCode: 'postal', postalPattern: /^\d{5}$/, postalExample: '10115' },
};

/** Whether a postal code fits its country's shape; a country we do not know accepts any. */
export function postalCodeFits(country: string, postalCode: string | undefined): boolean {
  const format = ADDRESS_FORMATS[country];
  return !postalCode || !format || format.postalPattern.test(postalCode.trim());
}

export const Address = z
  .object({
    line1: RequiredText,
    line2: z.optional(ShortText),
    city: RequiredText,
    region: z.optional(ShortText),
    postalCode: z.optional(ShortText),
    country: CountryCode,
  })
  .check(
    z.refine((address) => postalCodeFits(address.country, address.postalCode), {
      path: ['postalCode'],
      message: 'invalid',
    }),
  );
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
export const IdempotencyKey = StorableText.check(z.minLength(16), z.maxLength(255));
