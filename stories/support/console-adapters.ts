import {
  ConsoleMemoryAdapter,
  type ConsoleMemoryAdapterOptions,
} from '../../src/console/adapters/console-memory-adapter.js';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { PortalError, type PortalErrorCode } from '../../src/contract/errors.js';

/** The console's demo backend with the demo staff member signed in, as a story loader. */
export function signedInConsole(options: ConsoleMemoryAdapterOptions = {}): ConsoleAdapter {
  return new ConsoleMemoryAdapter({ signedIn: true, ...options });
}

/** `inner` with some operations replaced (a failure, an answer that never comes, other data). */
export function consoleWith(
  inner: ConsoleAdapter,
  overrides: Partial<Record<keyof ConsoleAdapter, () => Promise<unknown>>>,
): ConsoleAdapter {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (typeof name === 'string' && name in overrides) return overrides[name as keyof ConsoleAdapter];
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
}

/** The chosen operations never answer: the loading state, frozen. */
export function consoleNeverAnswering(
  inner: ConsoleAdapter,
  names: (keyof ConsoleAdapter)[],
): ConsoleAdapter {
  return consoleWith(
    inner,
    Object.fromEntries(names.map((name) => [name, () => new Promise(() => undefined)])),
  );
}

/** The chosen operations fail with a PortalError of `code`. */
export function consoleFailing(
  inner: ConsoleAdapter,
  names: (keyof ConsoleAdapter)[],
  code: PortalErrorCode,
): ConsoleAdapter {
  return consoleWith(
    inner,
    Object.fromEntries(
      names.map((name) => [name, () => Promise.reject(new PortalError(code, `story: ${code}`))]),
    ),
  );
}

/** Runs `drive` on the element once its shadow root shows `ready` (stories that start mid-flow). */
export async function whenShown(
  el: Element,
  ready: string,
  drive: (root: ShadowRoot) => void | Promise<void>,
): Promise<void> {
  for (let frame = 0; frame < 600; frame += 1) {
    await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    const root = el.shadowRoot;
    if (root?.querySelector(ready)) return drive(root);
    await new Promise(requestAnimationFrame);
  }
}

/** Clicks the button with this accessible name (aria-label, else its text). */
export function press(root: ParentNode, name: string): void {
  [...root.querySelectorAll('button')]
    .find(
      (each) => (each.getAttribute('aria-label') ?? each.textContent?.replace(/\s+/g, ' ').trim()) === name,
    )
    ?.click();
}
