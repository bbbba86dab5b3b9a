import { addGeneratedLocale } from './index.js';

/**
 * The pseudo-locale `en-XA`, for stories and tests only (nothing the library ships imports this file): every
 * English message comes out 40 % longer and bracketed, `[Ŝîĝñ îñ ~ lorem ipsu]`, so text that would be
 * clipped in a longer language, or a string that never went through the catalogs, shows up in English.
 * Fixed strings also get accents; a message that takes values keeps them as they are (amounts, names and
 * emails stay readable and testable) and only its wording around them grows.
 */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'aceinosuyACEINOSUY'].map((letter, index) => [letter, [...'âçéîñöšûýÂÇÉÎÑÖŠÛÝ'][index]]),
);
const FILLER = ' ~ lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor';

/** One string, 40 % longer (at least one character) and bracketed. */
export function pseudoString(text: string, accent = true): string {
  const body = accent ? text.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter) : text;
  let padding = '';
  const wanted = Math.max(1, Math.ceil(text.length * 0.4));
  while (padding.length < wanted) padding += FILLER;
  return `[${body}${padding.slice(0, wanted).replace(/ $/, '~')}]`;
}

/** A whole catalog, recursively: strings and the results of message functions, signatures unchanged. */
export function pseudoLocalize<T>(catalog: T): T {
  if (typeof catalog === 'string') return pseudoString(catalog) as T;
  if (typeof catalog === 'function')
    return ((...args: unknown[]) =>
      pseudoString(String((catalog as (...values: unknown[]) => unknown)(...args)), false)) as T;
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
