/** A chunk of a build's output, as much of it as `sectionChunks` reads. */
export interface BuiltChunk {
  type: string;
  fileName: string;
  facadeModuleId?: string | null;
  imports?: string[];
}

/**
 * The chunks one element adds to a page of the script-tag bundle: its own chunk, the chunks of the parts
 * it fetches on first use (`parts`, by module path: the subscriptions' flows), and the chunks those import
 * statically, less every chunk `portal.js` or another element's chunk also imports (the page pays for
 * those once, whatever sections it shows). What the parts fetch on demand in turn (the new-card entry,
 * other languages) is not counted.
 */
export function sectionChunks(output: BuiltChunk[], element: string, parts: RegExp[] = []): string[] {
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const reach = (roots: string[]) => {
    const seen = new Set<string>();
    const visit = (fileName: string) => {
      if (seen.has(fileName)) return;
      seen.add(fileName);
      for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
    };
    roots.forEach(visit);
    return seen;
  };
  const own = new RegExp(`elements[\\\\/]${element}[\\\\/]define\\.ts$`);
  const facade = (chunk: BuiltChunk) => chunk.facadeModuleId ?? '';
  const roots = [own, ...parts].flatMap((pattern) =>
    [...chunks.values()].filter((chunk) => pattern.test(facade(chunk))).map((chunk) => chunk.fileName),
  );
  const others = reach(
    [...chunks.values()]
      .filter(
        (chunk) =>
          chunk.fileName === 'portal.js' ||
          (/elements[\\/][\w-]+[\\/]define\.ts$/.test(facade(chunk)) && !own.test(facade(chunk))),
      )
      .map((chunk) => chunk.fileName),
  );
  return [...reach(roots)].filter((fileName) => !others.has(fileName));
}
