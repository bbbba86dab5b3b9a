import '../../src/define.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';

/**
 * 10,000 invoices in <portal-invoices>: marks when the first page of data reaches the element and when
 * the first row is on screen, then loads pages and scrolls while a PerformanceObserver records long tasks.
 */
declare global {
  interface Window {
    benchResult?: Record<string, number>;
  }
}

const memory = new MemoryAdapter({ extraInvoices: 10_000 });
await memory.signIn({ email: 'ada@example.com', password: 'correct-horse-battery-staple' });
let dataAt = 0;
const adapter = new Proxy(memory, {
  get(target, name, receiver) {
    const value = Reflect.get(target, name, receiver) as unknown;
    if (name !== 'listInvoices' || typeof value !== 'function') return value;
    return async (...args: unknown[]) => {
      const page = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      if (!dataAt) dataAt = performance.now();
      return page;
    };
  },
});

let longest = 0;
let longTasks = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longest = Math.max(longest, entry.duration);
    longTasks += 1;
  }
}).observe({ type: 'longtask', buffered: false });

const list = document.createElement('portal-invoices') as HTMLElement & {
  adapter: unknown;
  pageSize: number;
};
list.adapter = adapter;
list.pageSize = 100;
document.body.append(list);

const rows = () => list.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
while (rows() === 0) await frame();
const firstRowAt = performance.now();
const loadTasksBefore = longTasks;
const loadStarted = performance.now();

// Load 20 pages (2,100 rows) the way a customer does: "Load more", then scroll to the new rows.
for (let page = 0; page < 20; page += 1) {
  const before = rows();
  const button = [...(list.shadowRoot?.querySelectorAll('button') ?? [])].find((each) =>
    /load more/i.test(each.textContent ?? ''),
  );
  if (!button) break;
  button.click();
  while (rows() === before) await frame();
  window.scrollTo(0, document.body.scrollHeight);
  await frame();
}
const loadMs = performance.now() - loadStarted;
const longestWhileLoading = longest;
longest = 0;
// Scroll back up through everything, one screen per frame.
for (let y = document.body.scrollHeight; y > 0; y -= window.innerHeight) {
  window.scrollTo(0, y);
  await frame();
}
await frame();
window.benchResult = {
  dataToFirstRowMs: firstRowAt - dataAt,
  rowsLoaded: rows(),
  loadTwentyPagesMs: loadMs,
  longestTaskWhileLoadingMs: longestWhileLoading,
  longTasksWhileLoading: longTasks - loadTasksBefore,
  longestTaskWhileScrollingMs: longest,
};
