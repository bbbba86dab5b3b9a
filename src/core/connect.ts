import type { PortalAdapter } from '../contract/adapter.js';
import { HttpAdapter } from '../adapters/http/http-adapter.js';
import { PortalStore } from './store.js';

/**
 * One store per backend on a page, shared by every element that points at it — inside one
 * `<portal-root>` or placed apart (a balance badge in the header, invoices further down). The registry
 * lives on `globalThis` under a `Symbol.for` key so that two copies of the bundle still share sessions.
 */
interface Registry {
  byAdapter: WeakMap<PortalAdapter, PortalStore>;
  byApi: Map<string, PortalStore>;
}

const REGISTRY_KEY = Symbol.for('portal-elements.stores');
const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
const registry: Registry = (holder[REGISTRY_KEY] ??= { byAdapter: new WeakMap(), byApi: new Map() });

export function storeForAdapter(adapter: PortalAdapter): PortalStore {
  let store = registry.byAdapter.get(adapter);
  if (!store) {
    store = new PortalStore(adapter);
    registry.byAdapter.set(adapter, store);
  }
  return store;
}

/** The store for an HTTP backend; resolved against the page so `/portal-api` and its full URL match. */
export function storeForApi(api: string, sessionToken?: string): PortalStore {
  const baseUrl = new URL(api, document.baseURI).href.replace(/\/+$/, '');
  const key = `${baseUrl}\n${sessionToken ?? ''}`;
  let store = registry.byApi.get(key);
  if (!store) {
    store = storeForAdapter(new HttpAdapter({ baseUrl, sessionToken }));
    registry.byApi.set(key, store);
  }
  return store;
}
