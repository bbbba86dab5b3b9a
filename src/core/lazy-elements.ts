/**
 * Elements whose code is fetched on demand. The script-tag bundle (cdn.ts) names a loader per tag here;
 * an element that renders another tag in its shadow root (where the page-wide observer cannot see it)
 * asks `loadElement` for it, and counts a tag as present once it is defined or loadable.
 *
 * The table lives on `globalThis` under a `Symbol.for` key, so two copies of the bundle share it.
 */
type Loader = () => Promise<unknown>;

interface LazyElements {
  loaders: Map<string, Loader>;
  loading: Map<string, Promise<void>>;
}

const KEY = Symbol.for('portal-elements.lazy-elements');
const holder = globalThis as unknown as Record<symbol, LazyElements | undefined>;
const table: LazyElements = (holder[KEY] ??= { loaders: new Map(), loading: new Map() });

/** Names how to fetch each tag's code (a dynamic `import()` of the module that defines it). */
export function registerLoaders(loaders: Record<string, Loader>): void {
  for (const [tag, load] of Object.entries(loaders)) {
    if (!table.loaders.has(tag)) table.loaders.set(tag, load);
  }
}

/** Whether the tag works on this page: defined already, or its code can be fetched. */
export function isAvailable(tag: string): boolean {
  return customElements.get(tag) !== undefined || table.loaders.has(tag);
}

/**
 * Fetches the tag's code if it has a loader and is not defined yet (once per page); resolves when the
 * tag is defined. A tag with neither never resolves, like `customElements.whenDefined`. A failed fetch
 * is forgotten, so the next ask tries again.
 */
export function loadElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  const load = table.loaders.get(tag);
  if (!load) return customElements.whenDefined(tag).then(() => undefined);
  let loading = table.loading.get(tag);
  if (!loading) {
    loading = load().then(
      () => customElements.whenDefined(tag).then(() => undefined),
      (error: unknown) => {
        table.loading.delete(tag);
        throw error;
      },
    );
    table.loading.set(tag, loading);
  }
  return loading;
}
