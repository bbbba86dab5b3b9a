import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import type { ThemeTokens } from '../../core/theme.js';
import type { PaymentMethod } from '../../model/index.js';
import { CardEntryController } from '../../providers/card-entry.js';
import type { CardFieldsProvider } from '../../providers/card-fields.js';
import { CardFieldsError } from '../../providers/card-fields.js';
import { newCardComplete, newCardFailure, renderCardEntry, saveNewCard } from '../../providers/new-card.js';
import { errorMessage } from '../../ui/states.js';
import { NEW_CARD, type SubsHost } from './host.js';

/**
 * "A new card" while subscribing, fetched the first time the customer chooses it: the provider's fields
 * (mounted while the choice stands, on the details and the review), and saving the card when the
 * customer confirms. The card is saved first (`addCard`, verified by the backend when the merchant asks
 * for it); the subscription is then created charging its saved id, under the subscribe intent's one key.
 * Once saved, the card is simply one of the methods on file, chosen: a declined or lost subscribe never
 * saves it twice.
 */

/** What the new card needs from the element beyond the views' `SubsHost`. */
export type CardHost = SubsHost &
  ReactiveElement & {
    readonly cardTheme: ThemeTokens | null;
    /** Where card fields come from on this page, or null when there are none. */
    readonly cardSource: (() => Promise<CardFieldsProvider>) | null;
  };

export class NewCard implements ReactiveController {
  readonly entry: CardEntryController;
  /** Why the card was not saved (or cannot be used yet), shown at the fields. */
  problem: string | null = null;
  /** The card is being tokenized and saved, before the subscription is sent. */
  saving = false;

  constructor(private readonly host: CardHost) {
    this.entry = new CardEntryController(host, {
      locale: () => host.resolvedLocale,
      theme: () => host.cardTheme,
    });
    host.addController(this);
  }

  /** The fields are on show while "A new card" is the choice of a subscribe's details or review. */
  hostUpdate(): void {
    const { panel, cardSource } = this.host;
    const chosen = panel.kind === 'subscribe' && panel.step !== 'plans' && panel.methodId === NEW_CARD;
    if (chosen && cardSource) this.entry.open(cardSource);
    else this.entry.close();
  }

  render(): TemplateResult {
    const m = this.host.t.subscriptions;
    return renderCardEntry(this.entry, {
      loading: this.host.t.paymentMethod.cardFieldsLoading,
      unavailable: m.cardUnavailable,
      problem: this.problem,
    });
  }

  /** Before the review: the fields are ready and complete, or the problem shows at them. */
  ready(): boolean {
    const m = this.host.t.subscriptions;
    if (newCardComplete(this.entry)) return true;
    const unavailable = this.entry.status === 'error';
    const incomplete = this.host.t.paymentMethod.cardIncomplete;
    this.problem = unavailable ? null : incomplete;
    this.host.announce(unavailable ? m.cardUnavailable : incomplete);
    this.entry.focus();
    this.host.requestUpdate();
    return false;
  }

  /**
   * Tokenizes the card (the provider runs any bank challenge) and saves it. The saved card, or null when
   * it was not saved: nothing was subscribed, and the details are back with the reason at the fields.
   */
  async save(): Promise<PaymentMethod | null> {
    const host = this.host;
    const store = host.store;
    if (!store || this.saving) return null;
    this.saving = true;
    this.problem = null;
    host.requestUpdate();
    host.announce(host.t.paymentMethod.savingCard);
    try {
      return await saveNewCard(store, this.entry);
    } catch (error) {
      this.failed(toPortalError(error), error);
      return null;
    } finally {
      this.saving = false;
      host.requestUpdate();
    }
  }

  private failed(failure: PortalError, error: unknown): void {
    const host = this.host;
    this.problem = this.wording(failure);
    if (host.panel.kind === 'subscribe') host.setPanel({ ...host.panel, step: 'details' });
    host.announce(this.problem);
    if (!(error instanceof CardFieldsError) || error.reason !== 'unavailable') {
      // Focus goes to the card once the details are back on show.
      void host.updateComplete.then(() => this.entry.focus());
    }
  }

  /** Why the card was not saved, in the customer's words: nothing was subscribed in any case. */
  private wording(failure: PortalError): string {
    const m = this.host.t.subscriptions;
    switch (newCardFailure(failure)) {
      case 'authFailed':
        return m.cardAuthFailed;
      case 'unavailable':
        return m.cardUnavailable;
      case 'incomplete':
        return this.host.t.paymentMethod.cardIncomplete;
      case 'declined':
        return m.cardDeclined;
      case 'unknown':
        return m.cardUnknown;
      case 'other':
        return m.cardNotSaved(errorMessage(this.host.t, failure));
    }
  }
}
