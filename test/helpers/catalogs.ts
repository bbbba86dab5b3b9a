/**
 * Every leaf of a message catalog as `path → kind`, a function's kind including how many values it
 * takes: two catalogs of one namespace must have the same shape (a translation misses nothing).
 */
export function shape(
  catalog: unknown,
  path = '',
  into: Record<string, string> = {},
): Record<string, string> {
  if (typeof catalog === 'function') into[path] = `function/${catalog.length}`;
  else if (catalog && typeof catalog === 'object')
    for (const [key, value] of Object.entries(catalog)) shape(value, `${path}.${key}`, into);
  else into[path] = typeof catalog;
  return into;
}
