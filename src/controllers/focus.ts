import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Moves focus after the host renders, one way for every element: the target is looked up when an
 * update has finished and focused in a microtask after it, not inside it (the control losing focus may
 * tidy itself up with an update of its own). Focus moves only when the element asks, after something
 * the customer did or asked for; nothing is focused on first render, so a page that loads the portal
 * keeps its own focus.
 */
export class FocusController implements ReactiveController {
  private pending: { id: string; waitForIt: boolean } | null = null;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Focuses the element with this id after the next update, if it is there then: now or never. */
  focusAfterUpdate(id: string): void {
    this.pending = { id, waitForIt: false };
    this.host.requestUpdate();
  }

  /**
   * Focuses the element with this id (a view's heading) as soon as an update renders it; while the
   * host still shows a skeleton, the request waits for the update that brings the heading.
   */
  focusWhenRendered(id: string): void {
    this.pending = { id, waitForIt: true };
    this.host.requestUpdate();
  }

  /** Forgets a request not yet carried out (the customer moved on). */
  cancel(): void {
    this.pending = null;
  }

  hostUpdated(): void {
    const pending = this.pending;
    if (!pending) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(pending.id)}`);
    if (target || !pending.waitForIt) this.pending = null;
    if (target) queueMicrotask(() => target.isConnected && target.focus());
  }

  hostDisconnected(): void {
    this.pending = null;
  }
}
