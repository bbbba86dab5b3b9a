/**
 * `value` with object keys in order and undefined properties left out, so that two values meaning the same
 * thing stringify to the same JSON. The conformance suite compares answers with it; the reference server
 * fingerprints requests with it (a key reused with other parameters is refused).
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, each]) => each !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, each]) => [key, canonical(each)]),
    );
  }
  return value;
}
