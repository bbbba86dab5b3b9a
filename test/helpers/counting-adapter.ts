import type { PortalAdapter } from '../../src/contract/adapter.js';

/**
 * Wraps an adapter and counts calls per method, so tests can assert how many requests the UI made.
 * `override` replaces single methods (to inject failures or hold a call with a deferred promise).
 */
export function countingAdapter(
  inner: PortalAdapter,
  override: Partial<Record<keyof PortalAdapter, (...args: never[]) => Promise<unknown>>> = {},
): { adapter: PortalAdapter; calls: Record<string, number>; inputs: Record<string, unknown[]> } {
  const calls: Record<string, number> = {};
  const inputs: Record<string, unknown[]> = {};
  const adapter = new Proxy(inner, {
    get(target, name, receiver) {
      const original = Reflect.get(target, name, receiver) as unknown;
      if (typeof name !== 'string' || typeof original !== 'function') return original;
      return (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        (inputs[name] ??= []).push(args[0]);
        const replacement = override[name as keyof PortalAdapter] as
          ((...a: unknown[]) => Promise<unknown>) | undefined;
        return replacement
          ? replacement(...args)
          : (original as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter, calls, inputs };
}
