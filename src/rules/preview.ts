import { type OperationName } from '../contract/operations.js';
import { previewAllows, previewRefusal } from '../contract/preview.js';

export {
  previewAllows,
  previewRefusal,
  isPreviewRefusal,
  PREVIEW_REFUSAL_MESSAGE,
} from '../contract/preview.js';

/**
 * The backends' check (MemoryAdapter, the reference server): under a preview session only reads and
 * signing out go through; anything else throws `forbidden` ("This is a preview…"), before any effect.
 */
export function requirePreviewAllows(
  session: { preview?: boolean } | null | undefined,
  name: OperationName,
): void {
  if (session?.preview && !previewAllows(name)) throw previewRefusal();
}
