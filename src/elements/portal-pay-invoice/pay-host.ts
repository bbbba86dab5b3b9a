import type { FormStateController } from '../../controllers/form-state.js';
import type { ElementMessages, Formatter } from '../../core/i18n/index.js';
import type {
  Allocation,
  Invoice,
  Money,
  PaymentMethod,
  PaymentReceipt,
  PortalSettings,
} from '../../model/index.js';
import type { PayValues } from './draft.js';
import type { payMessages } from './messages.js';

/**
 * What `<portal-pay-invoice>` shares with its step views (form-view, review-view, outcome-views): the
 * loaded data, the ids of its controls, and `PayHost`, what the views read and call. The views hold no
 * state of their own; everything they read or change lives on the element, which re-renders.
 */

/** What `t` holds in `<portal-pay-invoice>` and its views: the common messages plus `pay`. */
export type PayT = ElementMessages<typeof payMessages>;

/** What the element needs loaded before it can offer a payment. */
export interface Loaded {
  settings: PortalSettings;
  invoice: Invoice;
  methods: PaymentMethod[];
  usable: PaymentMethod[];
  today: string;
}

/** The payment on review: what will be charged to which method, checked and frozen. */
export interface Review {
  invoiceId: string;
  invoiceNumber: string;
  allocations: Allocation[];
  due: Money;
}

/** Whether the merchant and the customer's methods allow a split at all. */
export function canSplit(data: Loaded): boolean {
  const { splitPayments, maxSplitMethods } = data.settings.invoices;
  return splitPayments && maxSplitMethods >= 2 && data.usable.length >= 2;
}

/** Whether the form shows the split now: the customer asked for it and it is allowed. */
export function isSplitting(data: Loaded, values: PayValues): boolean {
  return values.splitting && canSplit(data);
}

/** The most rows a split may have: the merchant's limit, and no method twice. */
export function maxRows(data: Loaded): number {
  return Math.min(data.settings.invoices.maxSplitMethods, data.usable.length);
}

/** The ids of the element's controls, unique in its shadow root; field errors are keyed by them. */
export interface PayIds {
  heading: string;
  amount: string;
  methods: string;
  split: string;
  /** One payment method's radio on the form. */
  method(methodId: string): string;
  rowMethod(key: number): string;
  rowAmount(key: number): string;
}

export function payIds(uid: string): PayIds {
  return {
    heading: `${uid}-heading`,
    amount: `${uid}-amount`,
    methods: `${uid}-methods`,
    split: `${uid}-split`,
    method: (methodId) => `${uid}-method-${methodId}`,
    rowMethod: (key) => `${uid}-row-${key}-method`,
    rowAmount: (key) => `${uid}-row-${key}-amount`,
  };
}

/** What the views read from the element and what their controls call on it. */
export interface PayHost {
  readonly t: PayT;
  readonly format: Formatter;
  readonly resolvedLocale: string;
  readonly ids: PayIds;
  readonly values: PayValues;
  /** Which fields the customer left, whether every problem shows, the backend's refusals by field id. */
  readonly form: FormStateController;
  /** A payment request is on its way (or being checked): the buttons say so and do nothing. */
  readonly busy: boolean;
  /** A merchant's read-only preview: confirming and checking again are unavailable. */
  readonly readOnly: boolean;
  /** A refusal that belongs to no single field, shown above the current step. */
  readonly failure: string | null;

  /** The form is on show (not the review): leaving a field there may tidy what was typed. */
  readonly onForm: boolean;

  // What the form's controls call (form-view, split-view)
  /**
   * The customer changed the payment: a new intent, so the next confirmation gets a new key; the last
   * refusal, and the backend's errors on the fields `editedIds`, no longer apply.
   */
  edit(values: Partial<PayValues>, ...editedIds: string[]): void;
  /** Rewrites what was typed within the same payment (an amount tidied on leaving its field). */
  rewrite(values: Partial<PayValues>): void;
  /** A key for a new split row, never used before. */
  newRowKey(): number;
  /** Focuses the control with this id after the next update. */
  focusAfterUpdate(id: string): void;
  /** Says something in the element's live region. */
  announce(text: string): void;
  onReview(event: SubmitEvent): void;

  // The review and the outcomes
  onConfirm(event: SubmitEvent): Promise<void>;
  onBack(): void;
  onCheckAgain(): Promise<void>;
  onPayRest(receipt: PaymentReceipt): void;
  onTryAnother(receipt: PaymentReceipt): void;
  onDone(): void;
}
