import { OPERATION_NAMES, type OperationName } from '../../contract/operations.js';
import { accountSwitchTests } from './account-switch-tests.js';
import { activationTests } from './activation-tests.js';
import { accountTests, invoiceTests } from './account-tests.js';
import { ConformanceError } from './assert.js';
import { authTests } from './auth-tests.js';
import { contentTests } from './content-tests.js';
import { type ConformanceHarness, type SuiteFn, type TestFn, registrar } from './context.js';
import { intentTests } from './intent-tests.js';
import { paymentMethodTests } from './payment-method-tests.js';
import { paymentTests } from './payment-tests.js';
import { previewTests } from './preview-tests.js';
import { profileTests } from './profile-tests.js';
import { subscriptionTests } from './subscription-tests.js';

export interface ConformanceOptions {
  /** Names the adapter in the test report ("MemoryAdapter", "HttpAdapter + reference server"). */
  name: string;
  /** A fresh harness per test: a new adapter on a backend holding a fresh copy of the demo data. */
  createHarness: () => Promise<ConformanceHarness>;
  describe: SuiteFn;
  it: TestFn;
  /**
   * The backend has the merchant's preview sessions and the harness implements `previewAs`: the suite
   * then checks that a preview reads everything and changes nothing. Off by default (an adapter for a
   * billing backend without previews has nothing to show there).
   */
  previews?: boolean;
  /**
   * The backend has the merchant's activation emails (temporary passwords) and the harness implements
   * `sendActivation`: the suite then checks what an email change does to one sent to the old address.
   */
  activations?: boolean;
}

/**
 * Registers the PortalAdapter conformance suite with the test framework whose `describe` and `it` are
 * given (mocha, vitest, jest and node:test all fit). Each test starts from a fresh harness, checks every
 * answer against the contract's output schema, and the last test fails if some adapter method was never
 * called successfully, so the suite cannot silently fall behind the contract. Run it whole: with a
 * filter, that last test reports the methods the filtered-out tests would have exercised.
 */
export function describeAdapterConformance(options: ConformanceOptions): void {
  const { name, createHarness, describe, it } = options;
  const exercised = new Set<OperationName>();
  const test = registrar(it, createHarness, exercised);
  describe(`${name} conforms to PortalAdapter`, () => {
    describe('sign-in and sessions', () => authTests(test));
    describe('account', () => accountTests(test));
    describe('profile, tax numbers and email', () => profileTests(test));
    describe('invoices', () => invoiceTests(test));
    describe('payments', () => paymentTests(test));
    describe('intent outcomes', () => intentTests(test));
    describe('payment methods', () => paymentMethodTests(test));
    describe('subscriptions and plans', () => subscriptionTests(test));
    describe('content and quick order', () => contentTests(test));
    if (options.previews) describe('preview sessions', () => previewTests(test));
    if (options.activations) describe('temporary passwords', () => activationTests(test));
    describe('several billing accounts per person', () => accountSwitchTests(test));
    describe('coverage', () => {
      it('called every PortalAdapter method successfully at least once', () => {
        const missing = OPERATION_NAMES.filter((method) => !exercised.has(method));
        if (missing.length === 0) return Promise.resolve();
        return Promise.reject(new ConformanceError(`never called successfully: ${missing.join(', ')}`));
      });
    });
  });
}
