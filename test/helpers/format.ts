import type { Money } from '../../src/model/index.js';
import { squash } from './dom.js';

// What the customer should read, worked out with Intl directly rather than through the code under test.

/** An amount as the locale writes it, white space squashed like `text()`. */
export function money(value: Money, locale = 'en-US'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return squash(format.format(value.amount / 10 ** digits));
}

/** A calendar date (`YYYY-MM-DD`) in the medium style, never shifted by time zone. */
export function date(iso: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}
