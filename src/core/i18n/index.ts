import { type Money, formatMoney } from '../../model/money.js';
import { type Messages, en } from './en.js';

export type { Messages } from './en.js';

/**
 * English ships inside every bundle; other catalogs are separate chunks, fetched the first time an element
 * needs them, so a customer downloads one language. Elements hold their first render until their catalog
 * is here (see PortalElement.shouldUpdate), so nobody sees English flash before French.
 */
const loaded: Record<string, Messages> = { en };
/** Where each catalog but English comes from (a test may replace one to make its download fail). */
export const catalogLoaders: Record<string, () => Promise<Messages>> = {
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
};
const loading = new Map<string, Promise<Messages>>();

export const SUPPORTED_LANGUAGES = ['en', ...Object.keys(catalogLoaders)];

function languageOf(locale: string): string {
  return locale.split('-')[0].toLowerCase();
}

/** The catalog for a locale if it is ready; English for languages we do not ship; null while loading. */
export function readyMessages(locale: string): Messages | null {
  const language = languageOf(locale);
  return loaded[language] ?? (catalogLoaders[language] ? null : en);
}

/**
 * Fetches a locale's catalog once. A failed fetch makes that language English until the page reloads:
 * elements wait for `readyMessages`, so a language that stayed "not ready" would keep them empty and ask
 * again on every render.
 */
export function loadMessages(locale: string): Promise<Messages> {
  const language = languageOf(locale);
  const ready = readyMessages(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = catalogLoaders[language]().then(
      (messages) => (loaded[language] = messages),
      (error: unknown) => {
        loaded[language] = en;
        loading.delete(language);
        console.error(
          `portal-elements: the "${language}" messages could not be loaded; showing English.`,
          error,
        );
        return en;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Messages for a locale: its language's catalog ("fr-CA" → fr) once loaded, else English. */
export function messagesFor(locale: string): Messages {
  return readyMessages(locale) ?? en;
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
 * Formats money, dates and numbers for one locale. Messages come from the language's catalog while
 * formatting follows the full tag, so "fr-CA" reads French and writes Canadian dates.
 */
export class Formatter {
  readonly locale: string;
  private readonly dates = new Map<string, Intl.DateTimeFormat>();

  constructor(locale: string) {
    this.locale = locale;
  }

  get messages(): Messages {
    return messagesFor(this.locale);
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
