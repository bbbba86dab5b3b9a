import {
  type CardFields,
  CardFieldsError,
  type CardFieldsMountOptions,
  type CardFieldsProvider,
  type CardFieldsState,
  type CardToken,
} from '../../src/providers/card-fields.js';
import { TEST_CARDS, testCardToken } from '../../src/rules/test-cards.js';

/**
 * A TEST DOUBLE of a card-fields provider, for stories and browser tests that cannot serve a second
 * origin: one plain input in the page, test numbers only. It is never shipped: a real provider keeps the
 * number on its own origin (see src/providers/test-mode for the one the demo uses).
 *
 * `challenge` says how a card that demands a bank challenge ends: passed, failed, or never answered.
 */
export interface FakeCardFieldsOptions {
  challenge?: 'pass' | 'fail' | 'pending';
  /** Mounting fails ('unavailable'), as when the provider cannot be reached. */
  unavailable?: boolean;
  /** Mounting never finishes (the loading state). */
  neverReady?: boolean;
}

export class FakeCardFields implements CardFieldsProvider {
  readonly id = 'fake-in-page';
  readonly testMode = true;
  constructor(private readonly options: FakeCardFieldsOptions = {}) {}

  mount(container: HTMLElement, _options: CardFieldsMountOptions): Promise<CardFields> {
    if (this.options.unavailable) return Promise.reject(new CardFieldsError('unavailable'));
    if (this.options.neverReady) return new Promise(() => undefined);
    return Promise.resolve(new FakeFields(container, this.options));
  }
}

const EXPIRY = { expMonth: 12, expYear: 2030 };

class FakeFields implements CardFields {
  state: CardFieldsState = { complete: false, brand: null, error: null };
  private readonly listeners = new Set<(state: CardFieldsState) => void>();
  private readonly label = document.createElement('label');
  readonly input = document.createElement('input');

  constructor(
    container: HTMLElement,
    private readonly options: FakeCardFieldsOptions,
  ) {
    this.label.textContent = 'Card number (test double, expires 12/2030)';
    this.input.autocomplete = 'off';
    this.input.inputMode = 'numeric';
    this.input.name = 'fake-card-number';
    this.label.append(this.input);
    container.append(this.label);
    this.input.addEventListener('input', () => {
      const card = this.card();
      this.state = { complete: card !== undefined, brand: card?.brand ?? null, error: null };
      for (const listener of this.listeners) listener(this.state);
    });
  }

  private card() {
    const digits = this.input.value.replace(/\D/g, '');
    return TEST_CARDS.find((card) => card.number === digits);
  }

  onChange(listener: (state: CardFieldsState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tokenize(): Promise<CardToken> {
    const card = this.card();
    if (!card) return Promise.reject(new CardFieldsError('number_not_test_card'));
    if (card.challenge && this.options.challenge === 'pending') return new Promise(() => undefined);
    if (card.challenge && this.options.challenge === 'fail') {
      return Promise.reject(new CardFieldsError('authentication_failed'));
    }
    return Promise.resolve({
      token: testCardToken(card, EXPIRY.expMonth, EXPIRY.expYear),
      brand: card.brand,
      last4: card.number.slice(-4),
      ...EXPIRY,
    });
  }

  focus(): void {
    this.input.focus();
  }

  destroy(): void {
    this.label.remove();
    this.listeners.clear();
  }
}
