import { html, nothing, type TemplateResult } from 'lit';
import { type PortalError, isOutcomeUnknown } from '../contract/errors.js';
import type { PortalStore } from '../core/store.js';
import type { PaymentMethod } from '../model/index.js';
import type { CardEntryController } from './card-entry.js';
import { CardFieldsError } from './card-fields.js';

/**
 * "A new card" inside a flow that then charges it (paying an invoice, subscribing): the card is saved
 * first, with the provider's token, and only its saved id is ever sent with the charge. Each element says
 * the outcome in its own words; this is the part they share.
 */

/** Why a new card was not saved: each element words it its own way. */
export type NewCardFailure = 'authFailed' | 'unavailable' | 'incomplete' | 'declined' | 'unknown' | 'other';

export function newCardFailure(error: PortalError): NewCardFailure {
  if (error instanceof CardFieldsError) {
    if (error.reason === 'authentication_failed') return 'authFailed';
    if (error.reason === 'unavailable') return 'unavailable';
    return 'incomplete';
  }
  if (error.code === 'payment_declined') return 'declined';
  // The card may be on file now: the element says so, and lets the customer see their methods.
  if (isOutcomeUnknown(error)) return 'unknown';
  return 'other';
}

/**
 * Tokenizes the card typed (the provider runs any bank challenge), saves it with `addCard` — which the
 * backend verifies when the merchant asks for it — and closes the fields. Rejects with why not.
 */
export async function saveNewCard(store: PortalStore, entry: CardEntryController): Promise<PaymentMethod> {
  const { token } = await entry.tokenize();
  const card = await store.mutate('addCard', { token });
  entry.close();
  return card;
}

/** Whether to send the charge's review on: the fields are ready and complete. */
export function newCardComplete(entry: CardEntryController): boolean {
  return entry.status === 'ready' && entry.fieldsState.complete;
}

export interface CardEntryTexts {
  loading: string;
  unavailable: string;
  /** Why the card was not saved (or cannot be used yet), shown at the fields. */
  problem: string | null;
}

/** The provider's fields (slotted light DOM), their loading state, and why the card was not saved. */
export function renderCardEntry(entry: CardEntryController, texts: CardEntryTexts): TemplateResult {
  const problem = entry.status === 'error' ? texts.unavailable : texts.problem;
  return html`<div class="nested card-fields" aria-busy=${entry.status === 'loading' ? 'true' : 'false'}>
    ${entry.status === 'loading' ? html`<p class="hint" role="status">${texts.loading}</p>` : nothing}
    ${entry.render()}
    <div role="alert">${problem ? html`<p class="alert error" part="error">${problem}</p>` : nothing}</div>
  </div>`;
}
