import { waitUntil } from '@open-wc/testing';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { root, text } from '../helpers/dom.js';

// Shared by the console's people sections' tests: rows, the live region, and an adapter that fails.

/** The body rows of the section's table, each as its cells' text. */
export function tableRows(el: Element): string[][] {
  return [...root(el).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));
}

/** The first cell of each body row (the code, the account, the time). */
export function firstCells(el: Element): string[] {
  return tableRows(el).map((cells) => cells[0]);
}

/** What the section's live region says now. */
export function announced(el: Element): string {
  return text(root(el).querySelector('section > [role="status"].visually-hidden'));
}

export async function settle(
  el: Element & { updateComplete: Promise<unknown> },
  until: () => unknown,
  what: string,
) {
  await waitUntil(until, what, { timeout: 3000 });
  await el.updateComplete;
}

/** `adapter` with some operations replaced (a failure, a slow answer). */
export function withOverrides(adapter: ConsoleAdapter, overrides: Partial<ConsoleAdapter>): ConsoleAdapter {
  return new Proxy(adapter, {
    get(target, name, receiver) {
      const override = (overrides as Record<PropertyKey, unknown>)[name];
      return override ?? (Reflect.get(target, name, receiver) as unknown);
    },
  });
}
