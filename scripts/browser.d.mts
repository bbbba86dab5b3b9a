/** Types for scripts/browser.mjs, which Node runs as plain JavaScript. */
export declare const CHROME_ARGS: string[];
export declare function findChrome(): string | null;
export declare function ensureChrome(): string;
