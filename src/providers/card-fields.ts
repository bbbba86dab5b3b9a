import { PortalError, type PortalErrorCode } from '../contract/errors.js';
import type { ThemeTokens } from '../core/theme.js';
import type { CardBrand } from '../model/payment-method.js';

/**
 * The seam between the portal and a payment provider's hosted card fields. A provider mounts its fields
 * into a light-DOM container the element slots in (Stripe Elements and its peers refuse shadow roots),
 * reports completeness and errors, runs any authentication challenge (3-D Secure) itself, and hands back
 * only a token: the card number never reaches the host page's JavaScript, the store, the adapter or the
 * merchant's server. The token is what `NewCard.token` carries to `addCard`.
 */
export interface CardFieldsProvider {
  /** Names the provider in logs and events: 'test-mode', 'stripe', … */
  readonly id: string;
  /** True when the fields accept only test cards; the element may say so beside them as well. */
  readonly testMode: boolean;
  /**
   * Puts the fields into `container` (light DOM) and resolves once they can take input. Rejects with a
   * `CardFieldsError` ('unavailable') when the provider cannot be reached, or with the signal's reason.
   */
  mount(container: HTMLElement, options: CardFieldsMountOptions): Promise<CardFields>;
}

export interface CardFieldsMountOptions {
  /** BCP 47; providers fall back to English for languages they do not ship. */
  locale: string;
  /** The portal's theme tokens (null when the merchant set no colour); providers style their fields with them. */
  theme: ThemeTokens | null;
  /** Aborting unmounts the fields. */
  signal?: AbortSignal;
}

/** Why the fields cannot be tokenized yet, or why tokenizing failed. */
export const CARD_FIELD_ERRORS = [
  'number_incomplete',
  'number_invalid',
  'number_not_test_card',
  'expiry_incomplete',
  'expiry_invalid',
  'expiry_past',
  'cvc_incomplete',
  'cvc_invalid',
  'authentication_failed',
  'unavailable',
] as const;
export type CardFieldError = (typeof CARD_FIELD_ERRORS)[number];

export interface CardFieldsState {
  /** Every field holds a valid value: `tokenize()` can succeed (short of a failed challenge). */
  complete: boolean;
  /** Known once enough digits are typed. */
  brand: CardBrand | null;
  /** The first error the customer has been shown, if any. The fields display its message themselves. */
  error: CardFieldError | null;
}

/** All the portal ever learns about a new card. */
export interface CardToken {
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface CardFields {
  readonly state: CardFieldsState;
  /** Called on every change of `state`; returns the unsubscribe function. */
  onChange(listener: (state: CardFieldsState) => void): () => void;
  /**
   * Validates, runs the provider's authentication challenge when the card demands one, and resolves with
   * the token. Rejects with a `CardFieldsError` (the fields show why), or with the signal's reason.
   */
  tokenize(signal?: AbortSignal): Promise<CardToken>;
  focus(): void;
  /** Removes the fields and stops listening; the object is unusable afterwards. */
  destroy(): void;
}

const PORTAL_CODES: Partial<Record<CardFieldError, PortalErrorCode>> = {
  authentication_failed: 'payment_declined',
  unavailable: 'unavailable',
};

/**
 * A failed `mount` or `tokenize`: a `PortalError` (so elements show it like any other, by `code`) that
 * also says which field or step failed in `reason`. Field problems are 'validation' errors; a failed
 * challenge is 'payment_declined'; an unreachable provider is 'unavailable'.
 */
export class CardFieldsError extends PortalError {
  readonly reason: CardFieldError;

  constructor(reason: CardFieldError, message: string = `card fields: ${reason}`) {
    const code = PORTAL_CODES[reason] ?? 'validation';
    super(code, message, code === 'validation' ? { fieldErrors: [{ path: 'card', code: 'invalid' }] } : {});
    this.reason = reason;
  }
}
