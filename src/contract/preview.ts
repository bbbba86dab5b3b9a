import { PortalError } from './errors.js';
import { type OperationName, type OperationRules, operations } from './operations.js';

/**
 * What a preview session (a merchant seeing the portal as one customer, `Session.preview`) may call:
 * every read (an operation with a `key` in the operations table) and `signOut`, which ends the preview.
 * Every other operation changes something and is refused with `previewRefusal()`: by the store before
 * any request, by MemoryAdapter and by the reference server (through `src/rules/preview.ts`).
 * It lives in the contract, beside the table it reads, because the store (core) may not import rules.
 */
export function previewAllows(name: OperationName): boolean {
  return name === 'signOut' || 'key' in (operations[name] as OperationRules);
}

/** The developer message every preview refusal carries; HttpAdapter keeps it inside its own message. */
export const PREVIEW_REFUSAL_MESSAGE = 'This is a preview: the portal is read-only and nothing was changed.';

/** The one refusal for a mutation under a preview session: `forbidden`, 403 over HTTP. */
export function previewRefusal(): PortalError {
  return new PortalError('forbidden', PREVIEW_REFUSAL_MESSAGE);
}

/** Whether a refusal came from the preview rule, so elements say "this is a preview", not "not allowed". */
export function isPreviewRefusal(error: PortalError): boolean {
  return error.code === 'forbidden' && error.message.includes(PREVIEW_REFUSAL_MESSAGE);
}
