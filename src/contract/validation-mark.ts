import type { PortalAdapter } from './adapter.js';

/**
 * The mark of an adapter whose every input and output is already parsed by the contract's schemas
 * (HttpAdapter does it for each request). Apart from `validated.ts` so that the store can tell, without
 * loading a schema, whether it must load the validation at all.
 */
const VALIDATED = Symbol.for('portal-elements.validated-adapter');

/** Marks an adapter as parsing its own inputs and outputs, so `validatedAdapter` passes it through. */
export function markValidated<T extends PortalAdapter>(adapter: T): T {
  Object.defineProperty(adapter, VALIDATED, { value: true });
  return adapter;
}

/** Whether the adapter parses its own inputs and outputs (marked, or already wrapped by `validatedAdapter`). */
export function isValidated(adapter: PortalAdapter): boolean {
  return (adapter as unknown as Record<symbol, unknown>)[VALIDATED] === true;
}
