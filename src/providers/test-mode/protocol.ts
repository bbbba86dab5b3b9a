import type { CardBrand } from '../../model/payment-method.js';
import type { CardFieldError } from '../card-fields.js';

/**
 * The messages the portal's page and the test-mode card fields frame exchange by `postMessage`. Both
 * sides check the sender's origin and window first, then parse the message: the page with a zod/mini
 * schema (test-card-fields.ts), the frame with `parseToFrame` below, so the frame carries no schema
 * library. No message from the frame carries the card number: only state, size, and at the end a token
 * with brand, last four digits and expiry.
 */
export const CHANNEL = 'portal-card-fields';

/** The portal's styling tokens the frame follows, and the kind of CSS value each must be. */
export const STYLE_PROPERTIES: Readonly<Record<string, 'color' | 'font-family' | 'length'>> = {
  '--portal-color-primary': 'color',
  '--portal-color-on-primary': 'color',
  '--portal-color-primary-text-light': 'color',
  '--portal-color-primary-text-dark': 'color',
  '--portal-color-surface': 'color',
  '--portal-color-text': 'color',
  '--portal-color-text-muted': 'color',
  '--portal-color-border': 'color',
  '--portal-color-danger': 'color',
  '--portal-color-warning': 'color',
  '--portal-font-family': 'font-family',
  '--portal-font-size': 'length',
  '--portal-radius': 'length',
  '--portal-spacing': 'length',
  '--portal-control-height': 'length',
};

type Tagged<T> = T & { channel: typeof CHANNEL };

/** Page → frame. */
export type ToFrame = Tagged<
  | {
      type: 'init';
      locale: string;
      /** `--portal-*` name → CSS value; the frame re-checks every value before it uses it. */
      style: Record<string, string>;
      colorScheme: 'light' | 'dark';
    }
  | { type: 'focus' }
  | { type: 'tokenize'; id: number }
  /** The page gave up on a tokenize (its signal aborted): close any challenge, answer nothing more. */
  | { type: 'cancel'; id: number }
>;

/** Frame → page. */
export type FromFrame = Tagged<
  | { type: 'ready' }
  | { type: 'change'; complete: boolean; brand: CardBrand | null; error: CardFieldError | null }
  | { type: 'resize'; height: number }
  | {
      type: 'token';
      id: number;
      token: string;
      brand: CardBrand;
      last4: string;
      expMonth: number;
      expYear: number;
    }
  | { type: 'failed'; id: number; error: CardFieldError }
>;

/** A message as written by its sender, before `message()` adds the channel tag. */
export type Body<T> = T extends unknown ? Omit<T, 'channel'> : never;

/** Builds a message with its channel tag (both sides ignore anything without it). */
export function message<T extends { type: string }>(body: T): T & { channel: typeof CHANNEL } {
  return { channel: CHANNEL, ...body };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value);

/** The frame's check of what the page sent; null for anything malformed. */
export function parseToFrame(data: unknown): ToFrame | null {
  if (!isRecord(data) || data.channel !== CHANNEL) return null;
  switch (data.type) {
    case 'init': {
      const { locale, style, colorScheme } = data;
      if (typeof locale !== 'string' || locale.length > 35 || !isRecord(style)) return null;
      if (colorScheme !== 'light' && colorScheme !== 'dark') return null;
      const strings: Record<string, string> = {};
      for (const [name, value] of Object.entries(style)) {
        if (name in STYLE_PROPERTIES && typeof value === 'string') strings[name] = value;
      }
      return { channel: CHANNEL, type: 'init', locale, style: strings, colorScheme };
    }
    case 'focus':
      return { channel: CHANNEL, type: 'focus' };
    case 'tokenize':
    case 'cancel':
      return isId(data.id) ? { channel: CHANNEL, type: data.type, id: data.id } : null;
    default:
      return null;
  }
}
