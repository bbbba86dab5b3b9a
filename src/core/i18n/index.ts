import { type Money, formatMoney } from '../../model/money.js';
import { type Messages, en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export type { Messages } from './en.js';

const CATALOGS: Record<string, Messages> = { en, fr, es };
export const SUPPORTED_LANGUAGES = Object.keys(CATALOGS);

/** A BCP 47 tag the browser accepts, or null ("fr-CA" → "fr-CA", "xx_YY" → null). */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** Messages for a locale: its language's catalog ("fr-CA" → fr), English when we do not ship it. */
export function messagesFor(locale: string): Messages {
  const language = locale.split('-')[0].toLowerCase();
  return CATALOGS[language] ?? en;
}

/**
 * Formats money, dates and numbers for one locale. Messages come from the language's catalog while
 * formatting follows the full tag, so "fr-CA" reads French and writes Canadian dates.
 */
export class Formatter {
  readonly locale: string;
  readonly messages: Messages;
  private readonly dates = new Map<string, Intl.DateTimeFormat>();

  constructor(locale: string) {
    this.locale = locale;
    this.messages = messagesFor(locale);
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
