import { addGeneratedLocale } from './index.js';

/**
 * The pseudo-locale `en-XA`, for stories and tests only (nothing the library ships imports this file): every
 * English message comes out 40 % longer and bracketed, `[SignSi inin~]`, so text that would be clipped in a
 * longer language shows, and a string that never went through the catalogs stands out unbracketed. The
 * values a message takes (names, invoice numbers, amounts) stay as given.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** Each word 40 % longer ("Remove" → "RemoveRem"): the same word grows the same wherever it appears. */
function grow(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => word + word.slice(0, Math.ceil(word.length * 0.4)));
}

function bracket(longer: string, original: string): string {
  const wanted = Math.ceil(original.length * 1.4);
  return `[${longer}${'~'.repeat(Math.max(0, wanted - longer.length))}]`;
}

/**
 * One string, 40 % longer and bracketed: its words grow, then `~` makes up what spaces and punctuation did
 * not. A button's visible "RemoveRem" stays part of its accessible name "[RemoveRem Visa …]" (brackets and
 * `~` are punctuation, which accessible-name checks ignore).
 */
export function pseudoString(text: string): string {
  return bracket(grow(text), text);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message's output: its wording grows, the values passed in (names, numbers, amounts) stay as given. */
function pseudoMessage(output: string, args: unknown[]): string {
  const values = args
    .filter((arg) => (typeof arg === 'string' && arg !== '') || typeof arg === 'number')
    .map(String)
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return pseudoString(output);
  const parts = output.split(new RegExp(`(${values.map(escape).join('|')})`));
  return bracket(parts.map((part, index) => (index % 2 ? part : grow(part))).join(''), output);
}

/** A whole catalog, recursively: strings and the results of message functions, signatures unchanged. */
export function pseudoLocalize<T>(catalog: T): T {
  if (typeof catalog === 'string') return pseudoString(catalog) as T;
  if (typeof catalog === 'function')
    return ((...args: unknown[]) =>
      pseudoMessage(String((catalog as (...values: unknown[]) => unknown)(...args)), args)) as T;
  if (catalog && typeof catalog === 'object')
    return Object.fromEntries(
      Object.entries(catalog).map(([key, value]) => [key, pseudoLocalize(value)]),
    ) as T;
  return catalog;
}

/** Makes `en-XA` available on this page; call it once from a story or a test. */
export function installPseudoLocale(): void {
  addGeneratedLocale(PSEUDO_LOCALE, pseudoLocalize);
}
