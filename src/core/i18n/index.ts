import { formatMoney } from '../../model/amounts.js';
import type { Money } from '../../model/money.js';
import {
  type ElementMessages,
  LANGUAGES,
  type MessageNamespace,
  type Translation,
  defineMessages,
} from './catalog.js';
import { type Messages, en } from './en.js';

export {
  type Catalog,
  type ElementMessages,
  type Language,
  LANGUAGES,
  type MessageNamespace,
  type MessagesOf,
  type PluralForms,
  type ArabicPluralForms,
  type Translation,
  defineMessages,
  plurals,
} from './catalog.js';
export type { Messages } from './en.js';

/**
 * The messages every element shows, whatever it is (`t.common`, `t.errors`, `t.fields`, …). An element's
 * own messages are a namespace beside it; `t` is this catalog plus that namespace.
 */
export const commonMessages: MessageNamespace<'common', Messages> = defineMessages('common', en, {
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
  de: () => import('./de.js').then((module) => module.de),
  ar: () => import('./ar.js').then((module) => module.ar),
});

export const SUPPORTED_LANGUAGES: string[] = [...LANGUAGES];

/**
 * English ships inside the code of whoever uses it; other languages are separate chunks, one per namespace,
 * fetched the first time an element on the page needs them, so a French page downloads the common French
 * catalog and the French namespaces of its elements, each once. A download that failed is remembered as
 * `FAILED`: that namespace is English until the page reloads (an element waits for its catalogs, so one that
 * stayed "not ready" would keep it empty and ask again on every render).
 */
const FAILED = Symbol('failed');
const settled = new Map<MessageNamespace, Partial<Record<Translation, unknown>>>();
const downloads = new Map<MessageNamespace, Partial<Record<Translation, Promise<void>>>>();
/** Composed `t` objects, so an element gets the same object on every render (keyed by language or generated tag). */
const composed = new Map<MessageNamespace, Record<string, object>>();
/** Locales whose messages are made at run time from English (the pseudo-locale), by canonical tag. */
const generated = new Map<string, (english: unknown) => unknown>();
const generatedCatalogs = new Map<MessageNamespace, Record<string, unknown>>();

/**
 * Registers a locale whose every catalog is `transform(english)`, made on first use. For development and
 * tests only (the pseudo-locale `en-XA` of stories and tests, see `./pseudo.ts`); nothing shipped calls it.
 */
export function addGeneratedLocale(tag: string, transform: (english: unknown) => unknown): void {
  const locale = canonicalLocale(tag);
  if (!locale) throw new Error(`addGeneratedLocale: "${tag}" is not a BCP 47 tag.`);
  generated.set(locale, transform);
}

/** Whether `tag` is a generated locale (the pseudo-locale of stories and tests). */
export function isGeneratedLocale(tag: string): boolean {
  const locale = canonicalLocale(tag);
  return locale !== null && generated.has(locale);
}

function generatedCatalog(namespace: MessageNamespace, locale: string): unknown {
  const catalogs = generatedCatalogs.get(namespace) ?? {};
  generatedCatalogs.set(namespace, catalogs);
  return (catalogs[locale] ??= generated.get(locale)!(namespace.en));
}

/** The language of a locale whose catalogs download ("fr-CA" → "fr"); null for English or one we do not ship. */
function translationOf(locale: string): Translation | null {
  const language = locale.split('-')[0].toLowerCase();
  return language !== 'en' && (LANGUAGES as readonly string[]).includes(language)
    ? (language as Translation)
    : null;
}

/**
 * Which way a locale's script runs ("ar-EG" → rtl, "fr" → ltr), from the script Intl infers for it, so
 * Arabic, Hebrew, Persian, Urdu and the like read right to left without a list of languages to keep.
 */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  let script: string | undefined;
  try {
    script = new Intl.Locale(locale).maximize().script;
  } catch {
    return 'ltr';
  }
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/** The common catalog, plus the element's namespace when it has one. */
function needed(namespace: MessageNamespace | undefined): MessageNamespace[] {
  return namespace ? [commonMessages, namespace] : [commonMessages];
}

function download(namespace: MessageNamespace, language: Translation): Promise<void> {
  const pending = downloads.get(namespace) ?? {};
  downloads.set(namespace, pending);
  pending[language] ??= namespace.load[language]().then(
    (messages) => settle(namespace, language, messages),
    (error: unknown) => {
      settle(namespace, language, FAILED);
      console.error(
        `portal-elements: the "${language}" messages could not be loaded (${namespace.name}); ` +
          'showing English.',
        error,
      );
    },
  );
  return pending[language];
}

function settle(namespace: MessageNamespace, language: Translation, messages: unknown): void {
  const languages = settled.get(namespace) ?? {};
  languages[language] = messages;
  settled.set(namespace, languages);
}

/** `t` for one language: the common catalog itself, or a copy of it with the namespace added. */
function compose(key: string, namespace: MessageNamespace | undefined, catalogs: unknown[]): object {
  if (!namespace) return catalogs[0] as object;
  const byLanguage = composed.get(namespace) ?? {};
  composed.set(namespace, byLanguage);
  return (byLanguage[key] ??= { ...(catalogs[0] as object), [namespace.name]: catalogs[1] });
}

/**
 * The messages for a locale if they are ready: the common catalog, plus `namespace` when given, in the
 * locale's language ("fr-CA" → fr). English for languages we do not ship, and English for the whole
 * element when one of its catalogs failed to download (never half French, half English). Null while a
 * download is under way.
 */
export function readyMessages<NS extends MessageNamespace | undefined = undefined>(
  locale: string,
  namespace?: NS,
): ElementMessages<NS> | null {
  const namespaces = needed(namespace);
  if (generated.has(locale))
    return compose(
      locale,
      namespace,
      namespaces.map((each) => generatedCatalog(each, locale)),
    ) as ElementMessages<NS>;
  const language = translationOf(locale);
  if (language) {
    const catalogs = namespaces.map((each) => settled.get(each)?.[language]);
    if (catalogs.includes(undefined)) return null;
    if (!catalogs.includes(FAILED)) return compose(language, namespace, catalogs) as ElementMessages<NS>;
  }
  return compose(
    'en',
    namespace,
    namespaces.map((each) => each.en),
  ) as ElementMessages<NS>;
}

/** Fetches what `readyMessages` needs for a locale, each catalog once per page, and resolves to it. */
export async function loadMessages<NS extends MessageNamespace | undefined = undefined>(
  locale: string,
  namespace?: NS,
): Promise<ElementMessages<NS>> {
  const language = translationOf(locale);
  if (language && !generated.has(locale))
    await Promise.all(needed(namespace).map((each) => download(each, language)));
  return readyMessages(locale, namespace) as ElementMessages<NS>;
}

/** The messages for a locale once loaded, else English. */
export function messagesFor<NS extends MessageNamespace | undefined = undefined>(
  locale: string,
  namespace?: NS,
): ElementMessages<NS> {
  return readyMessages(locale, namespace) ?? readyMessages('en', namespace)!;
}

/** A BCP 47 tag the browser accepts, or null ("fr-CA" → "fr-CA", "xx_YY" → null). */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Formats money, dates and numbers for one locale. Formatting follows the full tag while messages follow
 * the language, so "fr-CA" reads French and writes Canadian dates.
 */
export class Formatter {
  readonly locale: string;
  private readonly dates = new Map<string, Intl.DateTimeFormat>();

  constructor(locale: string) {
    this.locale = locale;
  }

  money(value: Money): string {
    return formatMoney(value, this.locale);
  }

  /** A calendar date (`YYYY-MM-DD`), shown in the locale's medium style, never shifted by time zone. */
  date(isoDate: string, style: 'medium' | 'long' = 'medium'): string {
    const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
    return this.dateFormat(`date:${style}`, { dateStyle: style, timeZone: 'UTC' }).format(date);
  }

  /** An instant, in the customer's own time zone. */
  dateTime(isoDateTime: string): string {
    return this.dateFormat('datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(isoDateTime),
    );
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.locale).format(value);
  }

  /** A list in the locale's words ("a, b and c"). */
  list(items: string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }

  private dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let format = this.dates.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, options);
      this.dates.set(key, format);
    }
    return format;
  }
}

const formatters = new Map<string, Formatter>();

export function formatterFor(locale: string): Formatter {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Formatter(locale);
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** The nearest `lang` attribute above `element`, crossing shadow roots, then the document's. */
export function inheritedLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.getAttribute('lang');
}

/**
 * The locale an element uses: its own `locale` attribute, then the portal's (context), then the page's
 * `lang`, then English. Invalid tags are skipped rather than trusted.
 */
export function resolveLocale(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const locale = canonicalLocale(candidate);
    if (locale) return locale;
  }
  return 'en';
}
