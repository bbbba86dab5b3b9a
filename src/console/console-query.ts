import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RequestOptions } from '../contract/adapter.js';
import type { ConsoleAdapter } from '../contract/console-operations.js';
import { PortalError, isAbortError, toPortalError } from '../contract/errors.js';
import { type QueryState, taskState } from '../core/query.js';

export { type QueryState, loadedValue } from '../core/query.js';

export interface ConsoleQueryHost extends ReactiveControllerHost {
  readonly consoleAdapter: ConsoleAdapter | null;
  /** Moves when a change was made elsewhere in the console: the query asks again. */
  readonly consoleRevision: number;
  /** Told of every failure (the base element ends the console session on `unauthorized`). */
  failed(error: PortalError): void;
}

/**
 * One console read bound to an element's life, the console's counterpart of core's QueryController
 * (whose store speaks the customer contract): asks when the adapter, the console's revision or `args`
 * change, keeps showing the previous value while it asks again (nothing jumps), aborts when the element
 * is gone, and turns every failure into a PortalError. Its `state` has the same shape as the store's
 * queries, so `ui/states.ts` renders loading and error the same way.
 */
export class ConsoleQuery<T> implements ReactiveController {
  private readonly task: Task<unknown[], T | undefined>;
  private revision = 0;
  private last: { value: T } | undefined;
  private abortedOnDisconnect = false;

  constructor(
    private readonly host: ConsoleQueryHost,
    load: (adapter: ConsoleAdapter, options: RequestOptions) => Promise<T>,
    args: () => readonly unknown[] = () => [],
  ) {
    this.task = new Task(host, {
      args: () => [host.consoleAdapter, host.consoleRevision, this.revision, ...args()],
      task: async ([adapter], { signal }) => {
        if (!adapter) return undefined;
        try {
          const value = await load(adapter, { signal });
          this.last = { value };
          return value;
        } catch (error) {
          if (isAbortError(error) || signal.aborted) throw error;
          const failure = toPortalError(error);
          host.failed(failure);
          throw failure;
        }
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    if (this.abortedOnDisconnect) {
      this.abortedOnDisconnect = false;
      this.refresh();
    }
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) {
      this.task.abort();
      this.abortedOnDisconnect = true;
    }
  }

  /** Asks again (a retry, or after this element changed what it shows). */
  refresh(): void {
    this.revision += 1;
    this.host.requestUpdate();
  }

  /** Replaces the value shown (a mutation answered the new one), without asking again. */
  set(value: T): void {
    this.last = { value };
    this.host.requestUpdate();
  }

  get state(): QueryState<T> {
    if (!this.host.consoleAdapter) return { status: 'idle' };
    return taskState(this.task, this.last?.value);
  }

  /** Resolves once the current ask has settled (for tests). */
  get settled(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }
}
