import type { AllocationOutcome } from '../../../../src/model/index.js';
import type { TokenizedCard } from '../../../../src/rules/payment-methods.js';
import type { PaymentMethodRecord } from '../../../../src/rules/records.js';
import { resolveTestCardToken, testChargeOutcome } from '../../../../src/rules/test-gateway.js';

export interface ChargeRequest {
  /** Minor units. */
  amount: number;
  currency: string;
  method: PaymentMethodRecord;
  /** The gateway's own idempotency key: the same key never moves money twice. */
  idempotencyKey: string;
  today: string;
}

export interface ChargeResult {
  outcome: AllocationOutcome;
  reference: string;
}

export type { TokenizedCard };

/**
 * The payment provider seen from the server. Card numbers never reach us: a card arrives as the provider's
 * token, which the gateway resolves to what may be stored (brand, last four digits, expiry).
 */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** The card behind a provider token, or null when the token is not one this gateway issued. */
  resolveCardToken(token: string): Promise<TokenizedCard | null>;
}

/**
 * Deterministic test mode: a charge's outcome follows the card's last four digits (the well-known test
 * cards), expired cards are declined, bank accounts succeed. Like a real provider it remembers
 * idempotency keys, so a repeated key returns the first result and is not counted again.
 */
export class TestGateway implements PaymentGateway {
  readonly charges: ChargeRequest[] = [];
  #results = new Map<string, ChargeResult>();

  charge(request: ChargeRequest): Promise<ChargeResult> {
    const previous = this.#results.get(request.idempotencyKey);
    if (previous) return Promise.resolve(previous);
    const outcome = testChargeOutcome(request.method, request.today);
    const result = { outcome, reference: `test_ch_${this.#results.size + 1}` };
    this.#results.set(request.idempotencyKey, result);
    this.charges.push(request);
    return Promise.resolve(result);
  }

  resolveCardToken(token: string): Promise<TokenizedCard | null> {
    return Promise.resolve(resolveTestCardToken(token));
  }

  /** Test mode's reset forgets every charge along with the database. */
  reset(): void {
    this.charges.length = 0;
    this.#results.clear();
  }
}
