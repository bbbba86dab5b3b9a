/**
 * A deep copy of the adapter's data (plain objects, arrays, Maps, Sets; anything else through
 * `structuredClone`). Unlike `structuredClone` alone, it reads through a Proxy: an adapter kept in a
 * framework's reactive state (Vue's `ref()` wraps objects deeply) still answers with plain copies instead
 * of throwing `DataCloneError`.
 */
export function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => copy(item)) as T;
  if (value instanceof Map) {
    return new Map([...(value as Map<unknown, unknown>)].map(([key, item]) => [key, copy(item)])) as T;
  }
  if (value instanceof Set) return new Set([...(value as Set<unknown>)].map((item) => copy(item))) as T;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = copy(item);
    return result as T;
  }
  return structuredClone(value);
}
