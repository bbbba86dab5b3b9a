import type { PortalAdapter } from '../../src/contract/adapter.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import { PortalError, type PortalErrorCode } from '../../src/contract/errors.js';
import { storeForAdapter } from '../../src/core/connect.js';

/** A demo backend with Ada signed in, as a story loader. */
export async function signedInAs(
  email = 'ada@example.com',
  options: MemoryAdapterOptions = {},
): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter(options);
  await adapter.signIn({ email, password: DEMO_PASSWORD });
  return adapter;
}

/** An adapter whose chosen methods never answer: the loading state, frozen. */
export function neverAnswering(inner: PortalAdapter, methods: (keyof PortalAdapter)[]): PortalAdapter {
  return withOverrides(
    inner,
    Object.fromEntries(methods.map((name) => [name, () => new Promise(() => undefined)])),
  );
}

/** An adapter whose chosen methods fail with a PortalError of `code`. */
export function failing(
  inner: PortalAdapter,
  methods: (keyof PortalAdapter)[],
  code: PortalErrorCode,
): PortalAdapter {
  return withOverrides(
    inner,
    Object.fromEntries(
      methods.map((name) => [name, () => Promise.reject(new PortalError(code, `story: ${code}`))]),
    ),
  );
}

function withOverrides(
  inner: PortalAdapter,
  overrides: Record<string, () => Promise<unknown>>,
): PortalAdapter {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (typeof name === 'string' && name in overrides) return overrides[name];
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The merchant previewing the portal as a customer (Ada by default): a read-only session, already known
 * to the page's store as `<portal-root>` would have learnt it, so a single element shows it too.
 */
export async function previewing(
  adapter = new MemoryAdapter(),
  customerId = 'cus_ada',
): Promise<MemoryAdapter> {
  adapter.previewAs(customerId);
  await storeForAdapter(adapter).restoreSession();
  return adapter;
}
