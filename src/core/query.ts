import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RequestOptions } from '../adapters/adapter.js';
import { PortalError, toPortalError } from './errors.js';
import type { PortalStore } from './store.js';

export interface QueryHost extends ReactiveControllerHost {
  /** The store the element reads from, or null while it has none. */
  readonly store: PortalStore | null;
}

export interface QueryOptions<T, A extends readonly unknown[]> {
  /** What the query depends on besides the store; null (or any null item) means "nothing to ask yet". */
  args: () => A | null;
  /** Cache key prefixes that, when invalidated, make this query ask again. */
  keys: (...args: A) => string[];
  load: (store: PortalStore, args: A, options: RequestOptions) => Promise<T>;
}

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'pending'; previous?: T }
  | { status: 'complete'; value: T; refreshing: boolean }
  | { status: 'error'; error: PortalError; previous?: T };

/**
 * A store read bound to an element's life: asks when its arguments change, asks again when the store
 * says the data changed (showing the previous value meanwhile, so nothing jumps), aborts when the element
 * is gone, and turns every failure into a PortalError. Built on @lit/task.
 */
export class QueryController<T, A extends readonly unknown[]> implements ReactiveController {
  private readonly host: QueryHost;
  private readonly options: QueryOptions<T, A>;
  private readonly task: Task<[PortalStore | null, A | null, number], T>;
  private revision = 0;
  private unsubscribe?: () => void;
  private subscribedStore: PortalStore | null = null;
  private last?: { argsKey: string; value: T };
  private abortedOnDisconnect = false;

  constructor(host: QueryHost, options: QueryOptions<T, A>) {
    this.host = host;
    this.options = options;
    this.task = new Task(host, {
      args: () => [host.store, this.currentArgs(), this.revision] as [PortalStore | null, A | null, number],
      task: async ([store, args], { signal }) => {
        if (!store || !args) return Promise.reject(new Error('idle'));
        try {
          const value = await options.load(store, args, { signal });
          this.last = { argsKey: JSON.stringify(args), value };
          return value;
        } catch (error) {
          throw error instanceof DOMException && error.name === 'AbortError' ? error : toPortalError(error);
        }
      },
    });
    host.addController(this);
  }

  private currentArgs(): A | null {
    const args = this.options.args();
    return args && args.every((arg) => arg !== null && arg !== undefined) ? args : null;
  }

  hostConnected(): void {
    this.watch(this.host.store);
    if (this.abortedOnDisconnect) {
      this.abortedOnDisconnect = false;
      this.refresh();
    }
  }

  hostUpdate(): void {
    if (this.host.store !== this.subscribedStore) this.watch(this.host.store);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedStore = null;
    if (this.task.status === TaskStatus.PENDING) {
      this.task.abort();
      this.abortedOnDisconnect = true;
    }
  }

  private watch(store: PortalStore | null): void {
    this.unsubscribe?.();
    this.subscribedStore = store;
    this.unsubscribe = store?.onChange((change) => {
      const args = this.currentArgs();
      if (!args) return;
      const mine = this.options.keys(...args);
      const touched =
        change.session || change.invalidated.some((prefix) => mine.some((key) => key.startsWith(prefix)));
      if (touched) this.refresh();
    });
  }

  /** Asks again (after an error, or when the element knows the data changed). */
  refresh(): void {
    this.revision += 1;
    this.host.requestUpdate();
  }

  /** The value last loaded for the current arguments (never another invoice's, say). */
  private get previous(): T | undefined {
    const args = this.currentArgs();
    return args && this.last?.argsKey === JSON.stringify(args) ? this.last.value : undefined;
  }

  get state(): QueryState<T> {
    if (!this.host.store || !this.currentArgs()) return { status: 'idle' };
    const previous = this.previous;
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return { status: 'complete', value: this.task.value as T, refreshing: false };
      case TaskStatus.ERROR: {
        const error = this.task.error;
        if (error instanceof PortalError) return { status: 'error', error, previous };
        return previous !== undefined ? { status: 'complete', value: previous, refreshing: true } : { status: 'pending' };
      }
      default:
        return previous !== undefined ? { status: 'complete', value: previous, refreshing: true } : { status: 'pending' };
    }
  }

  /** The loaded value, or undefined. */
  get value(): T | undefined {
    const state = this.state;
    return state.status === 'complete' ? state.value : undefined;
  }

  /** Resolves once the current ask has settled (for tests and for code that must wait). */
  get taskComplete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }
}
