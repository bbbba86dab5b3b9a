import { type MoneyName, type OperationRules, operations } from '../contract/operations.js';
import { createIdempotencyKey } from './idempotency.js';

/** A money-moving request as sent: its input, idempotency key included. */
export type MoneyRequest = { idempotencyKey: string } & Record<string, unknown>;

/** A money-moving request whose outcome the portal does not know yet. */
export interface PendingIntent {
  operation: MoneyName;
  /** The customer intent it belongs to, as its operation declares it (`invoice:inv_1`). */
  intent: string;
  /** The request as sent, key included: sending it again can never move money twice. */
  request: MoneyRequest;
  /** The request still on its way from this page, or null once its answer was lost. */
  inFlight: Promise<unknown> | null;
  /**
   * Read back from sessionStorage after a reload: nothing on this page knows what became of it, so the
   * first thing to do is ask the backend (`getIntentOutcome`).
   */
  restored: boolean;
}

/** What a page keeps of a pending intent across a reload: ids, amounts and the key, nothing secret. */
interface Saved {
  operation: MoneyName;
  intent: string;
  request: MoneyRequest;
}

const STORAGE_PREFIX = 'portal-elements.intents';

/** What identifies "the same request": everything but its key. */
function fingerprint(request: Record<string, unknown>): string {
  return JSON.stringify({ ...request, idempotencyKey: undefined });
}

/**
 * The intent tracker: for every money-moving operation, the one idempotency key of each customer intent,
 * remembered from the moment the request is sent until its outcome is known. It belongs to the store, not
 * to an element: an element opened again on the same intent (after the customer left, or after the answer
 * was lost) finds the request and its key here and resumes it instead of minting a new key.
 *
 * With a scope (one backend, one customer) it also keeps the pending requests in `sessionStorage`, so a
 * page reloaded while an answer was lost can ask the backend what happened, by the same key, instead of
 * charging again.
 */
export class IntentTracker {
  private readonly pending = new Map<string, PendingIntent>();
  private storageKey: string | null = null;
  private readonly storage: Storage | null;

  constructor(storage: Storage | null) {
    this.storage = storage;
  }

  /**
   * Keeps this customer's intents on this backend across reloads (and reads back what a previous page
   * left); null for either keeps them in memory only.
   */
  setScope(backend: string | null, customerId: string | null): void {
    const key = backend && customerId ? `${STORAGE_PREFIX}\n${backend}\n${customerId}` : null;
    if (key === this.storageKey) return;
    this.storageKey = key;
    for (const saved of this.read()) {
      if (this.pending.has(saved.intent)) continue;
      this.pending.set(saved.intent, { ...saved, inFlight: null, restored: true });
    }
    this.save();
  }

  /** Forgets every intent in memory (another customer signed in); what was saved stays with its owner. */
  clear(): void {
    this.pending.clear();
    this.storageKey = null;
  }

  /** The pending request of this intent, if its outcome is not known yet. */
  get(intent: string): PendingIntent | undefined {
    return this.pending.get(intent);
  }

  /**
   * The key for sending `request` (without its key) for `intent`: the pending request's own key when it
   * is the same request (a late original and this one are then charged once), else a fresh one.
   */
  keyFor(intent: string, request: Record<string, unknown>): string {
    const pending = this.pending.get(intent);
    if (pending && fingerprint(pending.request) === fingerprint(request)) {
      return pending.request.idempotencyKey;
    }
    return createIdempotencyKey();
  }

  /** A request of this intent is on its way. */
  begin(record: PendingIntent): void {
    this.pending.set(record.intent, record);
    this.save();
  }

  /** Its answer was lost: the request stays, to be checked again under the same key. */
  lost(record: PendingIntent): void {
    if (this.pending.get(record.intent) !== record) return;
    record.inFlight = null;
    record.restored = false;
  }

  /** Its outcome is known (a result or a refusal): the intent is over. */
  settle(record: PendingIntent): void {
    if (this.pending.get(record.intent) !== record) return;
    this.pending.delete(record.intent);
    this.save();
  }

  private read(): Saved[] {
    if (!this.storage || !this.storageKey) return [];
    try {
      const saved = JSON.parse(this.storage.getItem(this.storageKey) ?? '[]') as unknown;
      return Array.isArray(saved) ? (saved as Saved[]).filter(isSaved) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    if (!this.storage || !this.storageKey) return;
    const saved: Saved[] = [...this.pending.values()].map(({ operation, intent, request }) => ({
      operation,
      intent,
      request,
    }));
    try {
      if (saved.length === 0) this.storage.removeItem(this.storageKey);
      else this.storage.setItem(this.storageKey, JSON.stringify(saved));
    } catch {
      // Storage full or refused (private mode): the intent is still kept in memory for this page.
    }
  }
}

function isSaved(value: unknown): value is Saved {
  const saved = value as Partial<Saved> | null;
  return (
    typeof saved?.operation === 'string' &&
    (operations as Record<string, OperationRules | undefined>)[saved.operation]?.money === true &&
    typeof saved.intent === 'string' &&
    typeof saved.request?.idempotencyKey === 'string'
  );
}

/** The page's sessionStorage, or null where there is none (or it is refused). */
export function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
