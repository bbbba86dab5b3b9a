import type { PortalAdapter } from '../contract/adapter.js';
import type { HttpAdapter, HttpAdapterOptions } from '../adapters/http/http-adapter.js';
import { markValidated } from '../contract/validation-mark.js';
import { OPERATION_NAMES, type OperationName } from '../contract/operations.js';
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

let httpModule: Promise<typeof import('../adapters/http/http-adapter.js')> | undefined;

/**
 * HttpAdapter and ky are fetched on first use, once per page (stripe-js `loadScript` style): a widget
 * given an `adapter` never downloads them. A failed download is forgotten, so the next ask tries again.
 */
export function loadHttpAdapter(): Promise<typeof HttpAdapter> {
  httpModule ??= import('../adapters/http/http-adapter.js').catch((error: unknown) => {
    httpModule = undefined;
    throw error;
  });
  return httpModule.then((module) => module.HttpAdapter);
}

/**
 * An HttpAdapter that exists before its code does: each call waits for the module (the first call
 * starts the download), then goes to the one HttpAdapter made for these options. It is marked validated
 * because HttpAdapter itself parses every input and every response body with the contract's schemas,
 * so the store does not parse them twice.
 */
export function lazyHttpAdapter(options: HttpAdapterOptions): PortalAdapter {
  let adapter: Promise<HttpAdapter> | undefined;
  const ready = () =>
    (adapter ??= loadHttpAdapter().then(
      (Http) => new Http(options),
      (error: unknown) => {
        adapter = undefined;
        throw error;
      },
    ));
  const lazy = {} as Record<OperationName, (...args: unknown[]) => Promise<unknown>>;
  for (const name of OPERATION_NAMES) {
    lazy[name] = async (...args) => {
      const http = (await ready()) as unknown as Record<OperationName, (...a: unknown[]) => Promise<unknown>>;
      return http[name](...args);
    };
  }
  // The backend's identity is known before its code: it scopes what the intent tracker keeps across a
  // reload, so it must be the same as HttpAdapter's own (its base URL).
  const backendId = options.baseUrl.replace(/\/+$/, '');
  return markValidated({ ...lazy, backendId } as unknown as PortalAdapter);
}

/** The store for an HTTP backend; resolved against the page so `/portal-api` and its full URL match. */
export function storeForApi(api: string, sessionToken?: string): PortalStore {
  const baseUrl = new URL(api, document.baseURI).href.replace(/\/+$/, '');
  const key = `${baseUrl}\n${sessionToken ?? ''}`;
  let store = registry.byApi.get(key);
  if (!store) {
    store = storeForAdapter(lazyHttpAdapter({ baseUrl, sessionToken }));
    registry.byApi.set(key, store);
  }
  return store;
}
