/**
 * The merchant console's building blocks (re-exported by `portal-elements/merchant`): the two console
 * adapters, the context `<portal-console>` hands its sections, the base element and the read controller
 * every section uses.
 */
export { ConsoleHttpAdapter, type ConsoleHttpAdapterOptions } from './adapters/console-http-adapter.js';
export { ConsoleMemoryAdapter, type ConsoleMemoryAdapterOptions } from './adapters/console-memory-adapter.js';
export { DEMO_STAFF, DEMO_STAFF_PASSWORD } from './adapters/console-memory-data.js';
export { ConsoleElement } from './console-element.js';
export { ConsoleQuery, type ConsoleQueryHost, loadedValue, type QueryState } from './console-query.js';
export { type ConsoleContextValue, consoleContext } from './context.js';
export type { ConsoleAdapter, ConsoleFile, ConsoleOperationName } from '../contract/console-operations.js';
