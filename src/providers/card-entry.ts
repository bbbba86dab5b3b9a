import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { PortalError, toPortalError } from '../contract/errors.js';
import type { ThemeTokens } from '../core/theme.js';
import type { CardFields, CardFieldsProvider, CardFieldsState, CardToken } from './card-fields.js';

// Where a page's card fields come from has its own module, so an element can ask whether it has any
// without loading the entry itself.
export { cardFieldsSource } from './card-source.js';

export interface CardEntryOptions {
  locale: () => string;
  theme: () => ThemeTokens | null;
}

export type CardEntryStatus = 'closed' | 'loading' | 'ready' | 'error';

let entries = 0;

/**
 * A provider's card fields inside an element: mounts them into a light-DOM container (providers such as
 * Stripe Elements refuse shadow roots) and tracks their state for the form around them. A shadow-DOM host
 * gets the container as a child of its own, slotted where `render()` is drawn; a light-DOM host (the
 * login) draws the container itself there. The container is the fields' alone: nothing else renders
 * into it, and it leaves the page when the entry closes or the host does.
 */
export class CardEntryController implements ReactiveController {
  status: CardEntryStatus = 'closed';
  /** Why the fields could not be mounted (status 'error'). */
  error: PortalError | null = null;
  fieldsState: CardFieldsState = { complete: false, brand: null, error: null };
  private fields: CardFields | null = null;
  private container: HTMLElement | null = null;
  private abort: AbortController | null = null;
  private unsubscribe?: () => void;
  private readonly slotName = `portal-card-fields-${++entries}`;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: CardEntryOptions,
  ) {
    host.addController(this);
  }

  /** Mounts the fields of `source`'s provider; a second call while open does nothing. */
  open(source: () => Promise<CardFieldsProvider>): void {
    if (this.status === 'loading' || this.status === 'ready') return;
    const abort = new AbortController();
    this.abort = abort;
    this.status = 'loading';
    this.error = null;
    this.fieldsState = { complete: false, brand: null, error: null };
    const container = document.createElement('div');
    container.className = 'portal-card-fields';
    if (this.host.shadowRoot) {
      container.slot = this.slotName;
      this.host.append(container);
    }
    this.container = container;
    this.host.requestUpdate();
    void this.mount(source, container, abort.signal);
  }

  private async mount(
    source: () => Promise<CardFieldsProvider>,
    container: HTMLElement,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      // The container must be in the page before the provider measures it.
      await this.host.updateComplete;
      const provider = await source();
      const fields = await provider.mount(container, {
        locale: this.options.locale(),
        theme: this.options.theme(),
        signal,
      });
      if (signal.aborted) return fields.destroy();
      this.fields = fields;
      this.fieldsState = fields.state;
      this.unsubscribe = fields.onChange((state) => {
        this.fieldsState = state;
        this.host.requestUpdate();
      });
      this.status = 'ready';
    } catch (error) {
      if (signal.aborted) return;
      this.status = 'error';
      this.error = toPortalError(error);
    }
    this.host.requestUpdate();
  }

  /** The provider's token for the card typed (after any challenge it runs); rejects with why not. */
  tokenize(signal?: AbortSignal): Promise<CardToken> {
    if (!this.fields) return Promise.reject(new PortalError('unavailable', 'card fields are not ready'));
    return this.fields.tokenize(signal);
  }

  focus(): void {
    this.fields?.focus();
  }

  /** Removes the fields and their container; the entry can be opened again. */
  close(): void {
    this.abort?.abort();
    this.abort = null;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.fields?.destroy();
    this.fields = null;
    this.container?.remove();
    this.container = null;
    if (this.status !== 'closed') {
      this.status = 'closed';
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Where the fields show: a slot for a shadow-DOM host, the container itself for a light-DOM one. */
  render(): TemplateResult {
    if (this.host.shadowRoot) return html`<slot name=${this.slotName}></slot>`;
    return html`${this.container}`;
  }
}
