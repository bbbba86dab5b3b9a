import type {
  InvoiceFilter,
  InvoiceSummary,
  PaymentMethod,
  PortalSettings,
  QuickOrderCustomer,
  Session,
  Subscription,
} from '../../model/index.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { OPERATION_NAMES, type OperationName } from '../../contract/operations.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { parseOutput } from '../../contract/validated.js';
import { ConformanceError, equal, ok, show } from './assert.js';

/** What the suite needs from the adapter under test and from the backend behind it. */
export interface ConformanceHarness {
  /** A fresh adapter on a backend seeded with the demo data, signed out. */
  adapter: PortalAdapter;
  /** Emails sent to this address (case-insensitive), oldest first. */
  outbox(to: string): Promise<{ subject: string; text: string }[]>;
  /** The merchant replaces the portal settings. */
  updateSettings(settings: PortalSettings): Promise<void>;
  /**
   * The merchant's server exchanging a quick order hand-off token (the admin contract's
   * `POST /admin/quick-order-tokens/exchange`): the customer, once. Without it the suite checks that tokens
   * are made and refused, not what they are exchanged for.
   */
  exchangeQuickOrderToken?(token: string): Promise<QuickOrderCustomer>;
  /**
   * The merchant previews the portal as this customer (the admin contract's `adminPreviewCustomer`): an
   * adapter on the same backend whose session is that customer's, read-only (`preview: true`). Needed
   * when the suite runs with `previews: true`.
   */
  previewAs?(customerId: string): Promise<PortalAdapter>;
  /**
   * The merchant emails the customer a temporary password to replace at the next sign-in (the admin
   * contract's `adminSendActivation`). Needed when the suite runs with `activations: true`.
   */
  sendActivation?(customerId: string): Promise<void>;
  /** Moves the backend's clock this many seconds forward (quotes and tokens expire by it). */
  advanceClock(seconds: number): Promise<void>;
  /** Called after each test, also when it failed. */
  dispose?(): Promise<void>;
}

/** `describe` of mocha, vitest, jest or node:test. */
export type SuiteFn = (name: string, body: () => void) => unknown;
/** `it` of mocha, vitest, jest or node:test. */
export type TestFn = (name: string, body: () => Promise<void>) => unknown;

export const ADA = 'ada@example.com';
export const NEW_CUSTOMER = 'new@example.com';
export const LOCKED = 'locked@example.com';
export const GRACE = 'grace@example.net';
export const NEW_PASSWORD = 'a-fresh-password-2026';
export const WRONG_PASSWORD = 'definitely-not-the-password';
/** A plausible token that no backend issued. */
export const FORGED_TOKEN = 'Zm9yZ2VkLXRva2VuLXRoYXQtbm8tYmFja2VuZC1pc3N1ZWQ';
/** Expiry year of the test cards the suite adds: always in the future. */
export const CARD_YEAR = new Date().getUTCFullYear() + 3;

export function idempotencyKey(): string {
  return `conformance-${crypto.randomUUID()}`;
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Wraps the adapter so that every answer is checked against the contract's output schema, and every
 * method that answered successfully is recorded for the coverage check at the end of the suite.
 */
function instrument(adapter: PortalAdapter, exercised: Set<OperationName>): PortalAdapter {
  const wrapped = {} as Record<OperationName, AnyMethod>;
  for (const name of OPERATION_NAMES) {
    wrapped[name] = async (...args: unknown[]) => {
      const method = (adapter as unknown as Record<string, AnyMethod | undefined>)[name];
      if (typeof method !== 'function') throw new ConformanceError(`the adapter has no ${name} method`);
      const result = await method.apply(adapter, args);
      let parsed: unknown;
      try {
        parsed = parseOutput(name, result);
      } catch (error) {
        const issues = (error as { cause?: { issues?: unknown } }).cause?.issues;
        throw new ConformanceError(
          `${name} returned data that breaks the contract: ${show(issues ?? error)}`,
        );
      }
      exercised.add(name);
      return parsed;
    };
  }
  return wrapped as unknown as PortalAdapter;
}

/** The link parameter's token in the newest email to `to` that has one. */
export async function tokenFromOutbox(
  harness: ConformanceHarness,
  to: string,
  param: string,
): Promise<string> {
  const messages = await harness.outbox(to);
  const pattern = new RegExp(`[?&]${param}=([^\\s&#"'<>]+)`);
  for (const message of [...messages].reverse()) {
    const match = pattern.exec(message.text);
    if (match) return decodeURIComponent(match[1]);
  }
  throw new ConformanceError(`no email to ${to} carries a link with ${param}; outbox: ${show(messages)}`);
}

export class TestContext {
  readonly adapter: PortalAdapter;

  constructor(
    readonly harness: ConformanceHarness,
    private readonly exercised: Set<OperationName>,
  ) {
    this.adapter = instrument(harness.adapter, exercised);
  }

  /** An adapter in the merchant's read-only preview of this customer, checked like the main one. */
  async previewAs(customerId: string): Promise<PortalAdapter> {
    const start = this.harness.previewAs;
    if (!start) throw new ConformanceError('the harness has no previewAs, but the suite runs with previews');
    return instrument(await start.call(this.harness, customerId), this.exercised);
  }

  async signIn(email: string, password: string): Promise<Session> {
    const result = await this.adapter.signIn({ email, password });
    ok(result.status === 'signed_in', `signIn(${email}) should open a session, got ${show(result)}`);
    return result.session;
  }

  signInAda(): Promise<Session> {
    return this.signIn(ADA, DEMO_PASSWORD);
  }

  async magicToken(email: string): Promise<string> {
    await this.adapter.requestMagicLink({ email });
    return tokenFromOutbox(this.harness, email, 'portal-magic-token');
  }

  async signInByMagicLink(email: string): Promise<Session> {
    return this.adapter.verifyMagicLink({ token: await this.magicToken(email) });
  }

  /** The merchant changes some settings; the rest stay as they are. */
  async changeSettings(change: (settings: PortalSettings) => void): Promise<void> {
    const settings = await this.adapter.getSettings();
    change(settings);
    await this.harness.updateSettings(settings);
  }

  /** Every invoice of the signed-in customer, walking the cursor pages. */
  async invoices(filter: InvoiceFilter = 'all', limit = 100): Promise<InvoiceSummary[]> {
    const all: InvoiceSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page += 1) {
      const result = await this.adapter.listInvoices({ filter, limit, ...(cursor ? { cursor } : {}) });
      all.push(...result.items);
      if (result.nextCursor === null) return all;
      cursor = result.nextCursor;
    }
    throw new ConformanceError('listInvoices never returned nextCursor: null');
  }

  async invoiceByNumber(number: string): Promise<InvoiceSummary> {
    const found = (await this.invoices()).find((invoice) => invoice.number === number);
    ok(found, `the demo invoice ${number} should be listed`);
    return found;
  }

  async methodByLast4(last4: string, type: PaymentMethod['type'] = 'card'): Promise<PaymentMethod> {
    const found = (await this.adapter.listPaymentMethods()).find((m) => m.last4 === last4 && m.type === type);
    ok(found, `the demo ${type} ending ${last4} should be listed`);
    return found;
  }

  async subscriptionByPlan(planId: string): Promise<Subscription> {
    const found = (await this.adapter.listSubscriptions()).find((each) => each.planId === planId);
    ok(found, `a subscription to ${planId} should be listed`);
    return found;
  }

  /** Ids owned by Analytical Engines Ltd (read through Grace's passwordless session), then signed out. */
  async othersIds(): Promise<{ invoiceId: string; paymentMethodId: string; subscriptionId: string }> {
    const session = await this.signInByMagicLink(GRACE);
    equal(session.customerCode, 'CUST-0002', 'Grace signs in to Analytical Engines Ltd');
    const [invoice] = await this.invoices();
    const [method] = await this.adapter.listPaymentMethods();
    const [subscription] = await this.adapter.listSubscriptions();
    ok(invoice && method && subscription, 'Analytical Engines Ltd has an invoice, a card and a subscription');
    await this.adapter.signOut();
    return { invoiceId: invoice.id, paymentMethodId: method.id, subscriptionId: subscription.id };
  }
}

/** Registers one test that runs on a fresh harness and always disposes it. */
export type Register = (title: string, body: (t: TestContext) => Promise<void>) => void;

export function registrar(
  it: TestFn,
  createHarness: () => Promise<ConformanceHarness>,
  exercised: Set<OperationName>,
): Register {
  return (title, body) => {
    it(title, async () => {
      const harness = await createHarness();
      try {
        await body(new TestContext(harness, exercised));
      } finally {
        await harness.dispose?.();
      }
    });
  };
}
