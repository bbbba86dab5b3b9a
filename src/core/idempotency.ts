/**
 * Idempotency keys for requests that move money (R-PAY-12): one key per customer intent, made when the
 * customer confirms, reused for every retry of that intent, so the backend charges at most once however
 * often the request reaches it.
 */

/** The randomness a key is made from; `crypto` in every browser. */
export type KeySource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/**
 * A fresh key: a version 4 UUID (36 characters), unguessable, so one customer's key never collides with
 * another request's. `crypto.randomUUID` exists only in secure contexts; on a plain-http page (a merchant
 * trying the portal on a LAN address) the same UUID is built from `getRandomValues`, which is everywhere.
 */
export function createIdempotencyKey(source: KeySource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key of one customer intent, kept by the element that sends it (R-PAY-15: a re-render must not mint
 * a new one). `for(request)` answers the same key for the same request until the intent is discarded; a
 * different request always gets a new key, because a backend refuses (or worse, replays) a key reused
 * with other parameters.
 */
export class IntentKey {
  private current: { fingerprint: string; key: string } | null = null;
  private readonly source: KeySource | undefined;

  constructor(source?: KeySource) {
    this.source = source;
  }

  /** The key for `request` (anything JSON can describe: the allocations, the invoice). */
  for(request: unknown): string {
    const fingerprint = JSON.stringify(request);
    if (this.current?.fingerprint !== fingerprint) {
      this.current = { fingerprint, key: createIdempotencyKey(this.source) };
    }
    return this.current.key;
  }

  /** The key of the intent in progress, or null when there is none. */
  get key(): string | null {
    return this.current?.key ?? null;
  }

  /**
   * Ends the intent: its outcome is known (a receipt), or the customer changed what they want to pay. The
   * next confirmation gets a new key, even for the same amounts — paying again after a decline is a new
   * payment, not a replay of the declined one.
   */
  discard(): void {
    this.current = null;
  }
}
