import { PortalError, type PortalErrorCode } from '../../src/contract/errors.js';
import type { ConsoleOperationName } from '../../src/contract/console-operations.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';

/** Console adapters in a given state, for the console's stories: signed in or not, stuck or failing. */

type Methods = Record<string, (...args: unknown[]) => Promise<unknown>>;

export function signedInConsole(): ConsoleMemoryAdapter {
  return new ConsoleMemoryAdapter({ signedIn: true });
}

/** These operations never answer: the element stays in its loading state. */
export function stuck(adapter: ConsoleMemoryAdapter, ...names: ConsoleOperationName[]): ConsoleMemoryAdapter {
  for (const name of names) (adapter as unknown as Methods)[name] = () => new Promise<never>(() => undefined);
  return adapter;
}

/** These operations fail with `code`. */
export function failingConsole(
  adapter: ConsoleMemoryAdapter,
  code: PortalErrorCode,
  ...names: ConsoleOperationName[]
): ConsoleMemoryAdapter {
  for (const name of names) {
    (adapter as unknown as Methods)[name] = () =>
      Promise.reject(new PortalError(code, `${name} failed (story)`));
  }
  return adapter;
}
