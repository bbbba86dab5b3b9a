import type { PortalAdapter } from '../../src/contract/adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import type { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PayInvoice } from '../../src/model/index.js';
import { countingAdapter } from './counting-adapter.js';

/** sessionStorage as a page sees it, kept in a Map so each test has its own (and a "reload" keeps it). */
export class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  get asStorage(): Storage {
    return this as unknown as Storage;
  }
}

/**
 * Ada's backend, named (so the store keeps intents across reloads), counting calls; while `lose` is set
 * the backend charges and the answer is lost on the way back.
 */
export function namedBackend(ada: MemoryAdapter, backendId = 'https://shop.example/portal-api') {
  const state = { lose: true };
  const counted = countingAdapter(ada, {
    payInvoice: async (input: PayInvoice) => {
      const receipt = await ada.payInvoice(input);
      if (state.lose) throw new PortalError('network', 'the connection dropped after the backend answered');
      return receipt;
    },
  });
  return { adapter: named(counted.adapter, backendId), calls: counted.calls, inputs: counted.inputs, state };
}

/** The adapter, naming its backend as HttpAdapter does. */
export function named(adapter: PortalAdapter, backendId = 'https://shop.example/portal-api'): PortalAdapter {
  return new Proxy(adapter, {
    get: (target, name, receiver) =>
      name === 'backendId' ? backendId : (Reflect.get(target, name, receiver) as unknown),
  });
}
