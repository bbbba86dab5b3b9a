import { html, nothing, type TemplateResult } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import type { PortalStore } from '../../core/store.js';
import type { Allocation, PaymentMethod } from '../../model/index.js';
import type { CardEntryController } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import { CardFieldsError } from '../../providers/card-fields.js';
import {
  newCardComplete,
  newCardFailure,
  renderCardEntry as renderEntry,
  saveNewCard as saveCard,
} from '../../providers/new-card.js';
import { renderChoice } from '../../ui/form/choice.js';
import { errorMessage } from '../../ui/states.js';
import { NEW_CARD } from './draft.js';
import type { Loaded, PayHost, Review } from './pay-host.js';

/**
 * "A new card" in the pay flow: the provider's fields under the method choice, shown again on the
 * review (where the provider may run the bank's challenge), and saving the card when the customer pays.
 * The card is saved first (`addCard`); only its saved id is ever sent with the payment, under the
 * payment's own key. A card that could not be saved charges nothing, and says why at the card entry.
 */

/** What the new-card piece needs from `<portal-pay-invoice>` beyond the views' `PayHost`. */
export interface NewCardHost extends PayHost {
  readonly store: PortalStore | null;
  readonly cardEntry: CardEntryController;
  /** Where card fields come from on this page, or null when there are none. */
  readonly cardSource: (() => Promise<CardFieldsProvider>) | null;
  /** Why the new card was not saved (or cannot be used yet), shown at the card entry. */
  cardProblem: string | null;
  /** The card is being tokenized and saved, before the payment is sent. */
  addingCard: boolean;
  readonly updateComplete: Promise<boolean>;
  refreshMethods(): void;
}

/** The merchant lets customers add cards and this page has card fields. Split rows never offer it. */
export function canAddCard(host: NewCardHost, data: Loaded): boolean {
  return data.settings.paymentMethods.addCards && host.cardSource !== null;
}

export function usesNewCard(allocations: readonly Allocation[]): boolean {
  return allocations.some((each) => each.paymentMethodId === NEW_CARD);
}

function chooseNewCard(host: NewCardHost): void {
  host.cardProblem = null;
  host.edit({ methodId: NEW_CARD }, host.ids.methods);
}

/** The card fields are mounted while "A new card" is the one-method choice, and only then. */
export function syncCardEntry(host: NewCardHost): void {
  const source = host.cardSource;
  if (host.values.methodId === NEW_CARD && !host.values.splitting && source) host.cardEntry.open(source);
  else host.cardEntry.close();
}

/** The "A new card" radio, and under it, once chosen, the card fields. */
export function renderNewCardChoice(host: NewCardHost, chosen: boolean): TemplateResult {
  const t = host.t.pay;
  return html`${renderChoice({
    name: 'method',
    value: NEW_CARD,
    checked: chosen,
    id: host.ids.method(NEW_CARD),
    label: host.t.paymentMethod.newCard,
    detail: html`<span>${t.newCardHint}</span>`,
    onChange: () => chooseNewCard(host),
  })}
  ${chosen ? renderCardEntry(host) : nothing}`;
}

/** The provider's fields (slotted light DOM), their loading state, and why the card was not saved. */
export function renderCardEntry(host: NewCardHost): TemplateResult {
  const t = host.t.pay;
  return renderEntry(host.cardEntry, {
    loading: host.t.paymentMethod.cardFieldsLoading,
    unavailable: t.cardUnavailable,
    problem: host.cardProblem,
  });
}

/** The new card on the review: the fields stay on show, so a bank challenge is seen where it runs. */
export function renderNewCardReview(host: NewCardHost, review: Review): TemplateResult | typeof nothing {
  return usesNewCard(review.allocations) ? renderCardEntry(host) : nothing;
}

/** Before the review: the fields are ready and complete, or the problem shows at them. */
export function newCardReady(host: NewCardHost): boolean {
  const entry = host.cardEntry;
  if (newCardComplete(entry)) return true;
  host.cardProblem = entry.status === 'error' ? null : host.t.paymentMethod.cardIncomplete;
  host.announce(entry.status === 'error' ? host.t.pay.cardUnavailable : host.t.paymentMethod.cardIncomplete);
  entry.focus();
  return false;
}

/** Why the card was not saved, in the customer's words; nothing was charged in any case. */
function cardProblem(host: NewCardHost, error: PortalError): string {
  const t = host.t.pay;
  switch (newCardFailure(error)) {
    case 'authFailed':
      return t.cardAuthFailed;
    case 'unavailable':
      return t.cardUnavailable;
    case 'incomplete':
      return host.t.paymentMethod.cardIncomplete;
    case 'declined':
      return t.cardDeclined;
    case 'unknown':
      // The card may be on file now: the list is read again, and the customer told to look.
      host.refreshMethods();
      return t.cardUnknown;
    case 'other':
      return t.cardNotSaved(errorMessage(host.t, error));
  }
}

/**
 * Tokenizes the card (the provider runs any challenge) and saves it. The saved card, or null when it
 * was not saved: then nothing is charged, the form is back with the reason at the card entry.
 */
async function saveNewCard(host: NewCardHost): Promise<PaymentMethod | null> {
  const store = host.store;
  if (!store || host.addingCard) return null;
  host.addingCard = true;
  host.announce(host.t.paymentMethod.savingCard);
  try {
    const card = await saveCard(store, host.cardEntry);
    host.cardProblem = null;
    return card;
  } catch (error) {
    const problem = cardProblem(host, toPortalError(error));
    host.addingCard = false;
    host.onBack();
    host.cardProblem = problem;
    host.announce(problem);
    if (!(error instanceof CardFieldsError) || error.reason !== 'unavailable') {
      // Focus goes to the card once the form is back on show.
      void host.updateComplete.then(() => host.cardEntry.focus());
    }
    return null;
  } finally {
    host.addingCard = false;
  }
}

/** The review paying with the card once saved, or null when it was not (the form is back). */
export async function withNewCard(host: NewCardHost, review: Review): Promise<Review | null> {
  const card = await saveNewCard(host);
  if (!card) return null;
  host.rewrite({ methodId: card.id });
  return {
    ...review,
    allocations: review.allocations.map((each) => ({ ...each, paymentMethodId: card.id })),
  };
}
