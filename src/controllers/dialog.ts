import type { ReactiveController, ReactiveElement } from 'lit';

export interface DialogOptions {
  /** The `id` of the `<dialog>` the host renders (with `renderDialog` from ui/dialog.ts). */
  id: string;
  /** Whether Escape may close it now; a dialog whose request is running stays open. Default: always. */
  canDismiss?: () => boolean;
  /** Called once it has closed, with how (`dialog.returnValue`: '' for Escape). */
  onClose?: (returnValue: string) => void;
}

/** The element that has focus now, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * A modal on the platform's own `<dialog>`: `showModal()` gives the inert page behind it, the top layer
 * and Escape; this controller adds the rest of the contract — it opens after the dialog has rendered,
 * lets Escape close it only when that is safe, and gives focus back to whatever opened it.
 */
export class DialogController implements ReactiveController {
  private wanted = false;
  private opener: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: DialogOptions,
  ) {
    host.addController(this);
  }

  /** Whether the dialog is open, or opening with the next update. */
  get open(): boolean {
    return this.wanted;
  }

  /** Opens the dialog; focus goes back to `opener` (by default the focused element) when it closes. */
  show(opener: HTMLElement | null = deepActiveElement()): void {
    if (this.wanted) return;
    this.wanted = true;
    this.opener = opener;
    this.host.requestUpdate();
  }

  /** Closes the dialog with this return value (focus goes back to the opener). */
  close(returnValue = ''): void {
    const dialog = this.dialog();
    if (dialog?.open) dialog.close(returnValue);
    else this.closed(returnValue);
  }

  /**
   * For the dialog's `cancel` event (Escape): refused while the dialog must stay. Browsers honour the
   * refusal only after a user activation (a click or key press since it opened), so `onClose` still
   * runs if the dialog closes anyway.
   */
  readonly onCancel = (event: Event): void => {
    if (this.options.canDismiss && !this.options.canDismiss()) event.preventDefault();
  };

  /** For the dialog's `close` event, however it was closed (a form with method="dialog", Escape, code). */
  readonly onClose = (event: Event): void => {
    this.closed((event.target as HTMLDialogElement).returnValue);
  };

  hostUpdated(): void {
    const dialog = this.dialog();
    if (this.wanted && dialog && !dialog.open) dialog.showModal();
  }

  /** A host taken out of the page takes its dialog with it: nothing stays open or waits to return focus. */
  hostDisconnected(): void {
    this.wanted = false;
    this.opener = null;
    const dialog = this.dialog();
    if (dialog?.open) dialog.close();
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(`#${CSS.escape(this.options.id)}`);
  }

  private closed(returnValue: string): void {
    if (!this.wanted) return;
    this.wanted = false;
    const opener = this.opener;
    this.opener = null;
    this.host.requestUpdate();
    if (opener?.isConnected) opener.focus();
    this.options.onClose?.(returnValue);
  }
}
