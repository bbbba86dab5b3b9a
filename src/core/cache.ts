import type { RequestOptions } from '../contract/adapter.js';
import { touches } from '../contract/keys.js';

interface Entry {
  value?: unknown;
  hasValue: boolean;
  loadedAt: number;
  stale: boolean;
  pending?: Promise<unknown>;
  controller?: AbortController;
  waiters: number;
}

/** Reads older than this are fetched again on the next ask, even without a mutation. */
const MAX_AGE_MS = 5 * 60_000;

export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The request was aborted.', 'AbortError');
}

/**
 * The store's read cache: one entry per store key. Concurrent asks for one key share one request, which
 * is aborted only when every asker has gone; a failure is not cached, so asking again retries.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  /** The last value loaded for `key`, even if it is being refreshed; undefined if never loaded. */
  peek<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry?.hasValue ? (entry.value as T) : undefined;
  }

  /** Whether a fresh value for `key` is cached (asking for it would make no request). */
  isFresh(key: string): boolean {
    const entry = this.entries.get(key);
    return !!entry?.hasValue && !entry.stale && Date.now() - entry.loadedAt < MAX_AGE_MS;
  }

  read<T>(
    key: string,
    load: (options: RequestOptions) => Promise<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let entry = this.entries.get(key);
    if (entry && this.isFresh(key) && !entry.pending) return Promise.resolve(entry.value as T);
    if (!entry) {
      entry = { hasValue: false, loadedAt: 0, stale: true, waiters: 0 };
      this.entries.set(key, entry);
    }
    if (!entry.pending) this.startLoad(key, entry, load);
    const shared = entry.pending as Promise<T>;
    const current = entry;
    current.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      // Each asker leaves once: by aborting, or when the request settles. Counted again when its request
      // settles, an asker that had gone would hide one that came later, and a third asker's abort could
      // then cancel a request someone still waits for.
      let waiting = true;
      const leave = (): boolean => {
        if (!waiting) return false;
        waiting = false;
        current.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (current.waiters === 0 && current.pending === shared) {
          current.controller?.abort();
          current.pending = undefined;
          if (!current.hasValue) this.entries.delete(key);
        }
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.then(
        (value) => {
          if (leave()) resolve(value);
        },
        (error: Error) => {
          if (leave()) reject(error);
        },
      );
    });
  }

  private startLoad<T>(key: string, entry: Entry, load: (options: RequestOptions) => Promise<T>): void {
    const controller = new AbortController();
    entry.controller = controller;
    const pending = load({ signal: controller.signal }).then(
      (value) => {
        if (entry.pending === pending) {
          entry.pending = undefined;
          entry.value = value;
          entry.hasValue = true;
          entry.loadedAt = Date.now();
          entry.stale = false;
        }
        return value;
      },
      (error: unknown) => {
        if (entry.pending === pending) {
          entry.pending = undefined;
          if (!entry.hasValue) this.entries.delete(key);
        }
        throw error;
      },
    );
    // Waiters attach their own handlers; this one only keeps an unobserved rejection quiet.
    pending.catch(() => undefined);
    entry.pending = pending;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, { value, hasValue: true, loadedAt: Date.now(), stale: false, waiters: 0 });
  }

  /** Forgets every read but those `keep` names (a different customer signed in). */
  dropAllBut(keep: readonly string[]): void {
    for (const [key, entry] of [...this.entries]) {
      if (keep.includes(key)) continue;
      entry.controller?.abort();
      this.entries.delete(key);
    }
  }

  /** Marks every read under these targets stale. */
  markStale(targets: readonly string[]): void {
    for (const [key, entry] of this.entries) {
      if (targets.some((target) => touches(key, target))) {
        entry.stale = true;
        // A read already in flight may predate the change: its askers still get its answer, but it is
        // not cached, and the next ask starts a fresh request.
        entry.pending = undefined;
      }
    }
  }
}
