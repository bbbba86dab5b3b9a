import * as z from 'zod/mini';
import { Email, Id, ShortText, StorableText } from './common.js';

/** What a new customer must provide to create an account (Helcim: "configure required information"). */
export const SignUpRequirements = z.object({
  card: z.boolean(),
  bankAccount: z.boolean(),
  billingAddress: z.boolean(),
  shippingAddress: z.boolean(),
});
export type SignUpRequirements = z.infer<typeof SignUpRequirements>;

/** Per-plan self-service rules ("Allow Subscribing" / "Allow Cancelling" in the subscription manager). */
export const PlanRule = z.object({
  planId: Id,
  allowSubscribing: z.boolean(),
  allowCancelling: z.boolean(),
});
export type PlanRule = z.infer<typeof PlanRule>;

/** One cancellation reason the merchant lists (`id` is what the event and the admin API report). */
export const CancellationReasonOption = z.object({ id: Id, label: ShortText });
export type CancellationReasonOption = z.infer<typeof CancellationReasonOption>;

/**
 * What the merchant offers a customer about to cancel: a discount on the next renewals, or pausing
 * instead (up to `maxPauseDays`, even where pausing is otherwise off).
 */
export const RetentionOffer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('discount'),
    percentOff: z.int().check(z.minimum(1), z.maximum(100)),
    periods: z.int().check(z.minimum(1), z.maximum(24)),
  }),
  z.object({ kind: z.literal('pause') }),
]);
export type RetentionOffer = z.infer<typeof RetentionOffer>;

export const Branding = z.object({
  merchantName: ShortText,
  /** Any CSS colour; validated again by core/theme before use. */
  themeColor: z.optional(ShortText),
  /** https, same-origin or data:image/(png|jpeg|webp); validated again by core/theme before use. */
  logoUrl: z.optional(StorableText.check(z.maxLength(200_000))),
  supportEmail: z.optional(Email),
});
export type Branding = z.infer<typeof Branding>;

/** The card fields provider a page embeds to take card numbers: only the test-mode provider exists. */
export const CardFieldsProvider = z.object({
  provider: z.literal('test'),
  url: z.url({ protocol: /^https?$/ }),
});
export type CardFieldsProvider = z.infer<typeof CardFieldsProvider>;

/**
 * The merchant's portal settings: every capability the customer may or may not use. The backend states
 * them, the elements hide what is off, and the backend refuses it anyway.
 */
/** An absolute http(s) URL, or a path on the page's own origin (`/checkout`, never `//host`). */
export const CheckoutUrl = z.union([
  z.url({ protocol: /^https?$/ }),
  z.string().check(z.regex(/^\/(?![/\\])[^\s]{0,2000}$/)),
]);

export const PortalSettings = z.object({
  branding: Branding,
  signIn: z.object({
    password: z.boolean(),
    magicLink: z.boolean(),
  }),
  accountCreation: z.object({
    enabled: z.boolean(),
    required: SignUpRequirements,
  }),
  paymentMethods: z.object({
    /** At least one card must stay on file: the last card cannot be removed. */
    cardOnFileRequired: z.boolean(),
    /** Email the customer when a card on file is about to expire. */
    expiryReminders: z.boolean(),
    addCards: z.boolean(),
    removeCards: z.boolean(),
    /** Customers can add bank accounts but never remove them. */
    addBankAccounts: z.boolean(),
    /** New cards are verified (a zero-amount authorisation) before they are saved. */
    verifyNewCards: z.boolean(),
  }),
  profile: z.object({
    /** Modify information: name, contacts, addresses, tax numbers, default payment method. */
    modifyInformation: z.boolean(),
  }),
  invoices: z.object({
    payInvoices: z.boolean(),
    partialPayments: z.boolean(),
    splitPayments: z.boolean(),
    /** Largest number of payment methods in one split payment. */
    maxSplitMethods: z.int().check(z.minimum(1), z.maximum(10)),
    customerNotes: z.boolean(),
    downloadPdf: z.boolean(),
  }),
  subscriptions: z.object({
    enabled: z.boolean(),
    plans: z.array(PlanRule),
    allowPlanChange: z.boolean(),
    /** When a change that lowers the price applies; one that raises it always applies now. */
    downgrades: z.enum(['now', 'period_end']),
    allowPause: z.boolean(),
    /** The longest pause a customer may choose, in days. */
    maxPauseDays: z.int().check(z.minimum(1), z.maximum(365)),
    cancellation: z.enum(['period_end', 'immediately', 'either']),
    /** The reasons a cancelling customer chooses from, in the merchant's words; "Other" is always added. */
    cancellationReasons: z.array(CancellationReasonOption).check(z.maxLength(20)),
    /** Offered once before a cancellation goes through; absent: none. */
    retentionOffer: z.optional(RetentionOffer),
  }),
  /**
   * Where the card fields frame is served, so a page learns it from the settings and needs no attribute
   * of its own. Stated by the backend, not stored: absent where no frame exists (memory-only stories).
   */
  cardFields: z.optional(CardFieldsProvider),
  /**
   * The merchant's checkout, for the Quick Order button; absent hides the button. An absolute http(s)
   * URL, or a path on the page's own origin (`/checkout`) for a store that serves the portal itself.
   */
  quickOrderUrl: z.optional(CheckoutUrl),
});
export type PortalSettings = z.infer<typeof PortalSettings>;

export function planRule(settings: PortalSettings, planId: string): PlanRule {
  return (
    settings.subscriptions.plans.find((rule) => rule.planId === planId) ?? {
      planId,
      allowSubscribing: false,
      allowCancelling: false,
    }
  );
}
