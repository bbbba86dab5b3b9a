import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController } from '../../core/query.js';
import { queries } from '../../core/queries.js';
import { actionDescribedBy, actionDisabled, renderError, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { quickOrderMessages } from './messages.js';

/** Where the browser goes when no listener routes the hand-off itself; replaceable in tests. */
export const navigation = { assign: (url: string) => window.location.assign(url) };

/**
 * @summary Quick order: a button that hands the signed-in customer to the merchant's checkout, still
 * signed in.
 *
 * Shown only while a customer is signed in and the merchant's settings name a checkout
 * (`quickOrderUrl`); otherwise it renders nothing. Pressing it asks the backend for a single-use
 * hand-off token that lives two minutes (`createQuickOrderToken`), then fires `portal-quick-order`;
 * unless a listener cancels it (a single-page store routing itself), the browser goes to the checkout
 * URL with the token appended (`?portal_handoff=…`), which the merchant's server exchanges for the
 * billing account and the person who pressed the button (`POST /admin/quick-order-tokens/exchange`, with
 * the secret key): the store signs the visitor in as `signedInAs`, not as the account's `email`.
 *
 * Used alone (`<portal-quick-order api="/portal-api">` in a store's header) or by `<portal-root>`,
 * which shows it in its header.
 *
 * @fires portal-quick-order - The hand-off is ready: `{ url, token }`. Cancelable.
 * @fires portal-error - The token could not be made; the element says why beside the button.
 * @csspart button - The Quick order button.
 * @csspart error - Why the hand-off failed, with a retry.
 */
export class PortalQuickOrder extends PortalElement<typeof quickOrderMessages> {
  static override styles = [
    ...elementStyles,
    css`
      :host {
        display: inline-block;
      }
      :host([hidden]) {
        display: none;
      }
      .quick-order {
        display: inline-grid;
        gap: 0.25rem;
        justify-items: start;
      }
    `,
  ];
  static override messages = quickOrderMessages;

  @state() private busy = false;
  @state() private failure: PortalError | null = null;

  private readonly settingsQuery = new QueryController(this, queries.settings);
  private readonly sessionQuery = new QueryController(this, queries.session);

  private get available(): boolean {
    return !!this.settingsQuery.value?.quickOrderUrl && this.store?.session.status === 'signed_in';
  }

  private async handOff(): Promise<void> {
    const store = this.store;
    if (!store || this.busy || this.readOnly) return;
    this.busy = true;
    this.failure = null;
    try {
      const { url, token } = await store.mutate('createQuickOrderToken', undefined);
      if (emit(this, 'portal-quick-order', { url, token }, { cancelable: true })) navigation.assign(url);
    } catch (error) {
      this.failure = toPortalError(error);
      emit(this, 'portal-error', { error: this.failure, operation: 'createQuickOrderToken' });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.store) {
      this.reportMissingStore();
      return renderMisconfigured(this.t);
    }
    // Nothing to offer (quick order off, nobody signed in, or not known yet): nothing on screen.
    this.hidden = !this.available;
    if (!this.available) return nothing;
    const t = this.t.quickOrder;
    return html`<div class="quick-order">
      <button
        type="button"
        class="button"
        part="button"
        title=${t.hint}
        aria-disabled=${actionDisabled(this.readOnly, this.busy)}
        aria-describedby=${actionDescribedBy(this.readOnly)}
        @click=${this.handOff}
      >
        ${this.busy ? t.opening : t.button}
      </button>
      ${this.previewNote}
      ${this.failure ? renderError(this.t, this.failure, () => void this.handOff()) : nothing}
    </div>`;
  }
}
