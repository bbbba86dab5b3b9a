import { html, type TemplateResult } from 'lit';
import type { DialogController } from '../controllers/dialog.js';

export interface DialogParts {
  /** Must match the controller's `id`. */
  id: string;
  /** The id of the dialog's heading inside `content`, which names it. */
  labelledBy: string;
  content: TemplateResult;
}

/**
 * The `<dialog>` a DialogController opens: rendered only while open (nothing hidden lingers in the
 * page) and wired to the controller's cancel and close handlers; the host styles it, and pages reach it
 * through `::part(dialog)`.
 */
export function renderDialog(controller: DialogController, parts: DialogParts): TemplateResult | null {
  if (!controller.open) return null;
  return html`<dialog
    id=${parts.id}
    part="dialog"
    aria-labelledby=${parts.labelledBy}
    @cancel=${controller.onCancel}
    @close=${controller.onClose}
  >
    ${parts.content}
  </dialog>`;
}
