/**
 * EXAMPLE — a `CardFieldsProvider` on Stripe Elements, for merchants whose billing runs on Stripe.
 *
 * It is NOT run against Stripe here: this project has no Stripe account and its tests never reach
 * stripe.com. What is checked is that it type-checks against Stripe.js's published types
 * (`@stripe/stripe-js`, a devDependency); treat it as a starting point and test it in Stripe's test mode.
 * It is not exported from the package's entry points; copy it, or import it from source.
 *
 * How it works: the merchant's page loads Stripe.js itself (`loadStripe('pk_…')`, which must come from
 * js.stripe.com) and hands the instance in. The Card Element mounts into the light-DOM container the
 * portal slots in (Stripe refuses shadow roots). `tokenize()` creates a PaymentMethod, then confirms a
 * SetupIntent for off-session use that the merchant's server created, which runs 3-D Secure in Stripe's
 * own dialog when the card asks for it. The token handed back is the PaymentMethod id (`pm_…`), attached
 * to the customer only once the SetupIntent succeeded; the merchant's backend (its adapter's `addCard`,
 * or a `PaymentGateway.resolveCardToken` in the reference server) looks the card up by that id.
 */
import type {
  Stripe,
  StripeCardElement,
  StripeCardElementChangeEvent,
  StripeElementLocale,
  StripeError,
} from '@stripe/stripe-js';
import type { CardBrand } from '../../model/payment-method.js';
import {
  type CardFieldError,
  type CardFields,
  type CardFieldsMountOptions,
  type CardFieldsProvider,
  type CardFieldsState,
  type CardToken,
  CardFieldsError,
} from '../card-fields.js';

export interface StripeCardFieldsOptions {
  /** `await loadStripe('pk_live_…')` from `@stripe/stripe-js`, on the merchant's page. */
  stripe: Stripe;
  /**
   * Asks the merchant's server for a SetupIntent (`usage: 'off_session'`) for the signed-in customer and
   * returns its client secret. Called once per `tokenize()`.
   */
  createSetupIntent(signal?: AbortSignal): Promise<string>;
}

/** Stripe's Card Element codes, as the portal's. Anything else is reported as an invalid number. */
const ERRORS: Record<string, CardFieldError> = {
  incomplete_number: 'number_incomplete',
  invalid_number: 'number_invalid',
  incomplete_expiry: 'expiry_incomplete',
  invalid_expiry_month: 'expiry_invalid',
  invalid_expiry_year: 'expiry_invalid',
  invalid_expiry_month_past: 'expiry_past',
  invalid_expiry_year_past: 'expiry_past',
  expired_card: 'expiry_past',
  incomplete_cvc: 'cvc_incomplete',
  invalid_cvc: 'cvc_invalid',
  incorrect_cvc: 'cvc_invalid',
  setup_intent_authentication_failure: 'authentication_failed',
  authentication_required: 'authentication_failed',
};

function errorOf(error: StripeError): CardFieldsError {
  if (error.type === 'api_connection_error' || error.type === 'rate_limit_error') {
    return new CardFieldsError('unavailable', error.message);
  }
  return new CardFieldsError(ERRORS[error.code ?? ''] ?? 'number_invalid', error.message);
}

function brandOf(brand: string | undefined): CardBrand {
  return brand === 'visa' || brand === 'mastercard' || brand === 'amex' || brand === 'discover'
    ? brand
    : 'other';
}

/** Stripe takes a language or a handful of regional variants; 'auto' lets it follow the browser. */
function stripeLocale(locale: string): StripeElementLocale {
  return (locale.split('-')[0].toLowerCase() || 'auto') as StripeElementLocale;
}

export class StripeCardFields implements CardFieldsProvider {
  readonly id = 'stripe';
  readonly testMode = false;

  constructor(private readonly options: StripeCardFieldsOptions) {}

  mount(container: HTMLElement, { locale, theme, signal }: CardFieldsMountOptions): Promise<CardFields> {
    if (signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    const computed = getComputedStyle(container);
    const token = (name: string) => computed.getPropertyValue(name).trim() || undefined;
    const elements = this.options.stripe.elements({ locale: stripeLocale(locale) });
    const card = elements.create('card', {
      style: {
        base: {
          color: token('--portal-color-text'),
          fontFamily: token('--portal-font-family'),
          iconColor: theme?.['--portal-color-primary'] ?? token('--portal-color-primary'),
        },
        invalid: { color: token('--portal-color-danger') },
      },
    });
    const fields = new StripeFields(this.options, card);
    return new Promise<CardFields>((resolve, reject) => {
      const onAbort = () => {
        fields.destroy();
        reject(new DOMException('aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      card.on('ready', () => {
        signal?.removeEventListener('abort', onAbort);
        signal?.addEventListener('abort', () => fields.destroy(), { once: true });
        resolve(fields);
      });
      card.mount(container);
    });
  }
}

class StripeFields implements CardFields {
  state: CardFieldsState = { complete: false, brand: null, error: null };
  readonly #listeners = new Set<(state: CardFieldsState) => void>();

  constructor(
    private readonly options: StripeCardFieldsOptions,
    private readonly card: StripeCardElement,
  ) {
    card.on('change', (event: StripeCardElementChangeEvent) => {
      this.state = {
        complete: event.complete,
        brand: event.brand === 'unknown' ? null : brandOf(event.brand),
        error: event.error ? (ERRORS[event.error.code] ?? 'number_invalid') : null,
      };
      for (const listener of this.#listeners) listener(this.state);
    });
  }

  onChange(listener: (state: CardFieldsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async tokenize(signal?: AbortSignal): Promise<CardToken> {
    const { stripe, createSetupIntent } = this.options;
    const created = await stripe.createPaymentMethod({ type: 'card', card: this.card });
    if (created.error) throw errorOf(created.error);
    const method = created.paymentMethod;
    const clientSecret = await createSetupIntent(signal);
    signal?.throwIfAborted();
    // Runs 3-D Secure in Stripe's own dialog when the card asks for it.
    const confirmed = await stripe.confirmCardSetup(clientSecret, { payment_method: method.id });
    if (confirmed.error) throw errorOf(confirmed.error);
    if (confirmed.setupIntent.status !== 'succeeded' || !method.card) {
      throw new CardFieldsError('authentication_failed', `setup intent ${confirmed.setupIntent.status}`);
    }
    return {
      token: method.id,
      brand: brandOf(method.card.brand),
      last4: method.card.last4,
      expMonth: method.card.exp_month,
      expYear: method.card.exp_year,
    };
  }

  focus(): void {
    this.card.focus();
  }

  destroy(): void {
    this.#listeners.clear();
    this.card.destroy();
  }
}
