import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { RequestOptions } from '../contract/adapter.js';
import { PortalError, toPortalError } from '../contract/errors.js';
import { renderError, renderLoading } from '../ui/states.js';
import type { Messages } from './i18n/index.js';
import { type PortalStore, isAbortError, touches } from './store.js';

export interface QueryHost extends ReactiveControllerHost {
  /** The store the element reads from, or null while it has none. */
  readonly store: PortalStore | null;
}

export interface QueryOptions<T> {
  /**
   * The store key of what to read (declared by the read operation; `queries` in queries.ts builds these options); it is also what the query depends on. Null
   * means "nothing to ask yet" (signed out, no invoice chosen).
   */
  key: () => string | null;
  load: (store: PortalStore, options: RequestOptions) => Promise<T>;
}

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'complete'; value: T; refreshing: boolean }
  | { status: 'error'; error: PortalError; previous?: T };

/**
 * What to show for a query: the loaded value, or after a failed refresh the one the customer is already
 * looking at. Only a first load that fails leaves nothing to show (the element shows the error then).
 */
export function loadedValue<T>(state: QueryState<T>): T | undefined {
  return state.status === 'complete' ? state.value : state.status === 'error' ? state.previous : undefined;
}

/**
 * A started read's state from its task and the value last loaded: that value, fresh once the task is
 * complete and refreshing while it runs; a failure (keeping the value shown); or pending on a first load.
 */
export function taskState<T>(
  task: Task<readonly unknown[], unknown>,
  previous: T | undefined,
): QueryState<T> {
  if (task.status === TaskStatus.COMPLETE && previous !== undefined) {
    return { status: 'complete', value: previous, refreshing: false };
  }
  if (task.status === TaskStatus.ERROR && task.error instanceof PortalError) {
    return { status: 'error', error: task.error, previous };
  }
  return previous !== undefined
    ? { status: 'complete', value: previous, refreshing: true }
    : { status: 'pending' };
}

/**
 * A store read bound to an element's life: asks when its key changes, asks again when the store says the
 * data under that key changed (showing the previous value meanwhile, so nothing jumps), aborts when the
 * element is gone, and turns every failure into a PortalError. Built on @lit/task.
 */
export class QueryController<T> implements ReactiveController {
  private readonly host: QueryHost;
  private readonly options: QueryOptions<T>;
  private readonly task: Task<[PortalStore | null, string | null, number], T | undefined>;
  private revision = 0;
  private unsubscribe?: () => void;
  private subscribedStore: PortalStore | null = null;
  private last?: { key: string; value: T };
  private abortedOnDisconnect = false;

  constructor(host: QueryHost, options: QueryOptions<T>) {
    this.host = host;
    this.options = options;
    this.task = new Task(host, {
      args: () => [host.store, options.key(), this.revision] as [PortalStore | null, string | null, number],
      task: async ([store, key], { signal }) => {
        if (!store || key === null) return undefined;
        try {
          const value = await options.load(store, { signal });
          this.last = { key, value };
          return value;
        } catch (error) {
          throw isAbortError(error) ? error : toPortalError(error);
        }
      },
    });
    host.addController(this);
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
      const key = this.options.key();
      if (key === null) {
        if (change.session) this.host.requestUpdate();
        return;
      }
      if (change.session || change.invalidated.some((target) => touches(key, target))) this.refresh();
    });
  }

  /** Asks again (after an error, or when the element knows the data changed). */
  refresh(): void {
    this.revision += 1;
    this.host.requestUpdate();
  }

  /** The value last loaded under the current key (never another invoice's, say). */
  private get previous(): T | undefined {
    const key = this.options.key();
    return key !== null && this.last?.key === key ? this.last.value : undefined;
  }

  get state(): QueryState<T> {
    if (!this.host.store || this.options.key() === null) return { status: 'idle' };
    return taskState(this.task, this.previous);
  }

  /** The loaded value, or undefined. */
  get value(): T | undefined {
    const state = this.state;
    return state.status === 'complete' ? state.value : undefined;
  }

  /** Resolves once the current ask has settled (for tests and for code that must wait). */
  get settled(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }
}

/**
 * What an element shows for a read: its value drawn by `render` (the last one while a refresh runs or
 * after it failed), else the failure with a retry, else the loading skeleton of `lines` lines.
 */
export function renderQuery<T>(
  t: Messages,
  query: QueryController<T>,
  lines: number,
  render: (value: T) => TemplateResult,
): TemplateResult {
  const state = query.state;
  const value = loadedValue(state);
  if (value !== undefined) return render(value);
  return state.status === 'error'
    ? renderError(t, state.error, () => query.refresh())
    : renderLoading(t, lines);
}
