import * as z from 'zod/mini';
import type { ThemeTokens } from '../../core/theme.js';
import { CardBrand } from '../../model/payment-method.js';
import {
  CARD_FIELD_ERRORS,
  type CardFields,
  type CardFieldsMountOptions,
  type CardFieldsProvider,
  type CardFieldsState,
  type CardToken,
  CardFieldsError,
} from '../card-fields.js';
import { cardFieldsMessages } from './messages.js';
import { type Body, CHANNEL, type FromFrame, STYLE_PROPERTIES, type ToFrame, message } from './protocol.js';

const channel = z.literal(CHANNEL);
const fieldError = z.enum(CARD_FIELD_ERRORS);

/** What the page accepts from the frame, checked after its origin and window. */
const FromFrameSchema: z.ZodMiniType<FromFrame> = z.discriminatedUnion('type', [
  z.object({ channel, type: z.literal('ready') }),
  z.object({
    channel,
    type: z.literal('change'),
    complete: z.boolean(),
    brand: z.nullable(CardBrand),
    error: z.nullable(fieldError),
  }),
  z.object({ channel, type: z.literal('resize'), height: z.number().check(z.minimum(0), z.maximum(4000)) }),
  z.object({
    channel,
    type: z.literal('token'),
    id: z.int(),
    token: z.string().check(z.regex(/^tok_[a-z0-9_]{1,120}$/)),
    brand: CardBrand,
    last4: z.string().check(z.regex(/^\d{4}$/)),
    expMonth: z.int().check(z.minimum(1), z.maximum(12)),
    expYear: z.int().check(z.minimum(2000), z.maximum(2200)),
  }),
  z.object({ channel, type: z.literal('failed'), id: z.int(), error: fieldError }),
]);

export interface TestCardFieldsOptions {
  /**
   * The frame page (built by vite.card-fields.config.ts). It must be on another origin than the portal's
   * page: the reference server serves it on `CARD_FIELDS_PORT`, `http://localhost:8081/` under `npm start`.
   */
  url: string | URL;
  /** How long `mount` waits for the frame before it reports 'unavailable'; 15 seconds by default. */
  readyTimeoutMs?: number;
}

/**
 * The test-mode provider the demo and the tests use: card fields in an iframe on another origin, which
 * accept only well-known test numbers and hand back test tokens the backends' `addCard` understands.
 *
 *   const provider = new TestCardFields({ url: 'http://localhost:8081/' });
 *   const fields = await provider.mount(container, { locale: 'fr', theme });
 *   const { token } = await fields.tokenize();
 */
export class TestCardFields implements CardFieldsProvider {
  readonly id = 'test-mode';
  readonly testMode = true;
  readonly url: URL;
  readonly #readyTimeoutMs: number;

  constructor(options: TestCardFieldsOptions) {
    this.url = new URL(options.url, document.baseURI);
    if (this.url.origin === location.origin) {
      throw new Error(
        `TestCardFields: the card fields must be served from another origin than the page (${this.url.origin})`,
      );
    }
    this.#readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  }

  mount(container: HTMLElement, options: CardFieldsMountOptions): Promise<CardFields> {
    return new TestFrame(this.url, container, options).ready(this.#readyTimeoutMs);
  }
}

/** Reads the portal's styling where the fields go: the theme's tokens first, then what the page set. */
function frameStyle(container: HTMLElement, theme: ThemeTokens | null): Record<string, string> {
  const computed = getComputedStyle(container);
  const style: Record<string, string> = {};
  for (const name of Object.keys(STYLE_PROPERTIES)) {
    const value = (theme as Record<string, string> | null)?.[name] ?? computed.getPropertyValue(name).trim();
    if (value !== '') style[name] = value;
  }
  return style;
}

function colorSchemeOf(container: HTMLElement): 'light' | 'dark' {
  const scheme = getComputedStyle(container).colorScheme;
  if (!scheme.includes('dark')) return 'light';
  if (!scheme.includes('light')) return 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The reason an aborted signal carries, as an Error (an AbortError DOMException unless the caller chose one). */
function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

interface Pending {
  resolve(token: CardToken): void;
  reject(error: Error): void;
}

/** One mounted frame: the page's half of the conversation. It never sees the card number. */
class TestFrame implements CardFields {
  state: CardFieldsState = { complete: false, brand: null, error: null };
  readonly #iframe = document.createElement('iframe');
  readonly #origin: string;
  readonly #options: CardFieldsMountOptions;
  readonly #container: HTMLElement;
  readonly #listeners = new Set<(state: CardFieldsState) => void>();
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #onReady: (() => void) | null = null;
  #destroyed = false;

  constructor(url: URL, container: HTMLElement, options: CardFieldsMountOptions) {
    this.#origin = url.origin;
    this.#options = options;
    this.#container = container;
    const src = new URL(url);
    src.hash = `parent=${encodeURIComponent(location.origin)}`;
    const frame = this.#iframe;
    frame.src = src.href;
    frame.title = cardFieldsMessages(options.locale).title;
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.referrerPolicy = 'no-referrer';
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = '12rem';
    frame.style.colorScheme = colorSchemeOf(container);
  }

  /** Adds the frame and resolves once it answered and got its locale and theme. */
  ready(timeoutMs: number): Promise<CardFields> {
    const { signal } = this.#options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<CardFields>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new CardFieldsError('unavailable', `card fields at ${this.#origin} did not answer`)),
        timeoutMs,
      );
      const onAbort = () => fail(abortError(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#onReady = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        signal?.addEventListener('abort', () => this.destroy(), { once: true });
        resolve(this);
      };
      window.addEventListener('message', this.#onMessage);
      this.#container.append(this.#iframe);
    });
  }

  onChange(listener: (state: CardFieldsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  tokenize(signal?: AbortSignal): Promise<CardToken> {
    if (this.#destroyed) return Promise.reject(new CardFieldsError('unavailable', 'card fields destroyed'));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const id = this.#nextId++;
    return new Promise<CardToken>((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(id);
        this.#post({ type: 'cancel', id });
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        resolve: (token) => (done(), resolve(token)),
        reject: (error) => (done(), reject(error)),
      });
      this.#post({ type: 'tokenize', id });
    });
  }

  focus(): void {
    this.#iframe.focus();
    this.#post({ type: 'focus' });
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    window.removeEventListener('message', this.#onMessage);
    this.#iframe.remove();
    for (const pending of this.#pending.values()) {
      pending.reject(new CardFieldsError('unavailable', 'card fields destroyed'));
    }
    this.#pending.clear();
    this.#listeners.clear();
  }

  #post(body: Body<ToFrame>): void {
    this.#iframe.contentWindow?.postMessage(message(body), this.#origin);
  }

  /** Every message is checked for the frame's origin and window before its content is even read. */
  readonly #onMessage = (event: MessageEvent): void => {
    if (event.origin !== this.#origin || event.source !== this.#iframe.contentWindow) return;
    const parsed = FromFrameSchema.safeParse(event.data);
    if (!parsed.success) return;
    const data = parsed.data;
    switch (data.type) {
      case 'ready': {
        const { locale, theme } = this.#options;
        const style = frameStyle(this.#container, theme);
        this.#post({ type: 'init', locale, style, colorScheme: colorSchemeOf(this.#container) });
        this.#onReady?.();
        this.#onReady = null;
        break;
      }
      case 'change':
        this.state = { complete: data.complete, brand: data.brand, error: data.error };
        for (const listener of this.#listeners) listener(this.state);
        break;
      case 'resize':
        this.#iframe.style.height = `${data.height}px`;
        break;
      case 'token': {
        const { token, brand, last4, expMonth, expYear } = data;
        this.#pending.get(data.id)?.resolve({ token, brand, last4, expMonth, expYear });
        this.#pending.delete(data.id);
        break;
      }
      case 'failed':
        this.#pending.get(data.id)?.reject(new CardFieldsError(data.error));
        this.#pending.delete(data.id);
        break;
    }
  };
}
