import type { Messages } from './en.js';

/** The languages the portal is written in. English is the reference every other catalog is typed against. */
export const LANGUAGES = ['en', 'fr', 'es', 'de', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Every language but English: these catalogs are separate chunks, downloaded on first use. */
export type Translation = Exclude<Language, 'en'>;

/** Widens literal strings to `string` and keeps function signatures, recursively. */
export type Catalog<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: never[]) => string
      ? T[K]
      : Catalog<T[K]>;
};

/**
 * One element's messages: its English catalog, which ships in the element's own code, and where each
 * other language is downloaded from. The element reaches them as `this.t.<name>`.
 */
export interface MessageNamespace<Name extends string = string, M = unknown> {
  readonly name: Name;
  readonly en: M;
  /** One loader per language; a test may replace one to make its download fail. */
  load: Record<Translation, () => Promise<M>>;
}

/** What a namespace adds to `t`: `{ summary: SummaryMessages }` for the summary's namespace. */
export type MessagesOf<NS> =
  NS extends MessageNamespace<infer Name, infer M> ? { readonly [K in Name]: M } : unknown;

/** `t` as an element with namespace `NS` sees it: the common catalog plus its own messages. */
export type ElementMessages<NS> = Messages & MessagesOf<NS>;

/**
 * Declares a namespace. Each loader must resolve to the same type as English, so a translation with a
 * missing or extra key does not compile.
 */
export function defineMessages<Name extends string, M>(
  name: Name,
  en: M,
  load: Record<Translation, () => Promise<M>>,
): MessageNamespace<Name, M> {
  return { name, en, load };
}

/**
 * One wording per plural category of a language. `other` is always required; a language fills the
 * categories its `Intl.PluralRules` uses (English: one, other; Arabic: zero, one, two, few, many, other).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A plural picker for one language, for catalogs whose messages take a count: `plural(count, { one, other })`
 * returns the wording of the category `Intl.PluralRules` gives that count (Arabic 3 → few, 11 → many),
 * falling back to `other` when a category has no wording.
 */
export function plurals(language: string): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(language);
  return (count, forms) => forms[rules.select(count)] ?? forms.other;
}

/** Every category Arabic uses: Arabic catalogs pass all six, so none falls back by accident. */
export type ArabicPluralForms = Record<Intl.LDMLPluralRule, string>;
