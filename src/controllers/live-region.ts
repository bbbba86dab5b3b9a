import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * Speaks progress and outcomes to screen readers through one polite live region that the host renders
 * with `render()` and keeps in the page at all times (a region that appears with its text is not read).
 */
export class LiveRegionController implements ReactiveController {
  private text = '';

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** What the region says now. */
  get message(): string {
    return this.text;
  }

  /**
   * Says `text`. The same words twice change nothing in the DOM, so screen readers would stay silent;
   * a trailing no-break space that comes and goes makes the repeat a change.
   */
  announce(text: string): void {
    this.text = this.text === text ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }

  /** A host put back in the page starts silent, so its next announcement is a change that gets read. */
  hostDisconnected(): void {
    this.text = '';
  }

  /** The region itself; `.visually-hidden` comes from ui/styles.ts. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status">${this.text}</div>`;
  }
}
