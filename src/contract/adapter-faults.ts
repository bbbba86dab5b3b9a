import { isPortalError } from './errors.js';

/** What the developer is told when an adapter that went through a reactive proxy breaks. */
const PROXY_HINT =
  'The adapter looks wrapped in a reactive Proxy (Vue’s ref() or reactive() wrap objects deeply), and ' +
  'it cannot work through one. Pass the adapter object itself: in Vue, markRaw(adapter) or ' +
  'shallowRef(adapter), or keep it in a plain const.';

/** Errors that a Proxy in front of an object with copied or private state throws. */
function looksLikeProxyFault(error: unknown): boolean {
  if (error instanceof DOMException && error.name === 'DataCloneError') return true;
  return error instanceof TypeError && /private (member|field)|#\w+ from an object/i.test(error.message);
}

/** What `toPortalError` reads as a network failure or a timeout rather than a fault. */
function looksLikeTransport(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof DOMException && error.name === 'TimeoutError');
}

/**
 * An adapter reports failures as PortalErrors (a failed `fetch`'s TypeError counts as a network failure).
 * Anything else it throws is a bug in the adapter or in the way it was passed, which the customer only
 * sees as "unavailable": so the developer is told in the console, with the operation, the error and,
 * when it looks like one, the proxy cause and its fix.
 */
export function reportAdapterFault(operation: string, error: unknown): void {
  if (isPortalError(error)) return;
  if (looksLikeProxyFault(error)) {
    console.error(`Portal adapter: ${operation} failed. ${PROXY_HINT}`, error);
  } else if (!looksLikeTransport(error)) {
    console.error(`Portal adapter: ${operation} threw something other than a PortalError:`, error);
  }
}
