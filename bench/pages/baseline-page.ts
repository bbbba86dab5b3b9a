import '../baseline.js';

/** The same measurement on the minimal Lit element: from "data" (a property set) to its first paint. */
declare global {
  interface Window {
    benchResult?: Record<string, number>;
  }
}
const element = document.createElement('bench-baseline') as HTMLElement & {
  name: string;
  updateComplete: Promise<unknown>;
};
document.body.append(element);
const dataAt = performance.now();
element.name = 'Ada';
await element.updateComplete;
await new Promise((resolve) => requestAnimationFrame(resolve));
window.benchResult = { dataToFirstRowMs: performance.now() - dataAt };
