import type { PortalError } from '../../contract/errors.js';
import type { FocusController } from '../../controllers/focus.js';
import type { IntentFlowController } from '../../controllers/intent-flow.js';
import type { Formatter } from '../../core/i18n/index.js';
import type { PortalStore } from '../../core/store.js';
import type { ChangePreview, PaymentMethod, Plan, PortalSettings, Subscription } from '../../model/index.js';
import type { SubscriptionsT } from './messages.js';
import type { NewCard } from './new-card.js';
import type { Notice } from '../../ui/states.js';

/**
 * What `<portal-subscriptions>` shares with its views (the list, and the flows loaded on first use):
 * the panel on show, the loaded data, and `SubsHost`, what the views read and call. The views hold no
 * state of their own; everything lives on the element, which re-renders.
 */

/** The requests the element makes, named as in the adapter (they are `portal-error`'s `operation`). */
export type Operation =
  | 'subscribe'
  | 'previewSubscriptionChange'
  | 'changeSubscription'
  | 'cancelSubscription'
  | 'undoCancelSubscription'
  | 'acceptRetentionOffer'
  | 'withdrawSubscriptionChange'
  | 'pauseSubscription'
  | 'resumeSubscription';

export type SubscribeStep = 'plans' | 'details' | 'review';

/** The subscribe panel's `methodId` while "A new card" is chosen (until the card is saved). */
export const NEW_CARD = 'new-card';

/** What shows instead of the list: nothing (the list), or one flow at one step, with what was chosen. */
export type Panel =
  | { kind: 'list' }
  | { kind: 'subscribe'; step: SubscribeStep; planId: string; quantity: string; methodId: string | null }
  | {
      kind: 'change';
      subscriptionId: string;
      step: 'form' | 'quote';
      planId: string;
      quantity: string;
      quote: ChangePreview | null;
      /** The quote shown replaced one that expired at confirmation. */
      refreshed: boolean;
    }
  | {
      kind: 'cancel';
      subscriptionId: string;
      step: 'offer' | 'form' | 'confirm';
      reason: string;
      comment: string;
      when: 'period_end' | 'immediately';
    }
  | { kind: 'pause'; subscriptionId: string; resumeOn: string };

export type PanelOf<K extends Panel['kind']> = Extract<Panel, { kind: K }>;

/** What the last action did, above the list (ui/states.ts draws it). */
export type { Notice };

/** Everything the element needs loaded before it shows the list. */
export interface Loaded {
  settings: PortalSettings;
  subscriptions: Subscription[];
}

/** What the views read from the element and what their controls call on it. */
export interface SubsHost extends EventTarget {
  readonly t: SubscriptionsT;
  readonly format: Formatter;
  /** The locale the element speaks (its fields format numbers in it). */
  readonly resolvedLocale: string;
  readonly uid: string;
  readonly store: PortalStore | null;
  readonly focusing: FocusController;
  readonly panel: Panel;
  readonly settings: PortalSettings | undefined;
  readonly subscriptions: Subscription[];
  /** The plans open for subscribing, once loaded (the flows ask for them). */
  readonly plans: Plan[] | undefined;
  readonly methods: PaymentMethod[] | undefined;
  /** A request is on its way: the buttons say so and do nothing. */
  readonly busy: boolean;
  /** A merchant's read-only preview: every confirm is unavailable. */
  readonly readOnly: boolean;
  /** A refusal that belongs to no single field, shown above the current step. */
  problem: string | null;
  /** Problems at the panel's fields, by field id. */
  fieldErrors: Record<string, string>;

  /** Moves the panel on (or changes what it holds); focus goes to its heading when `step` changes. */
  setPanel(panel: Panel, focusHeading?: boolean): void;
  closePanel(): void;
  announce(text: string): void;
  /** Runs one request (see the element's `request`); a PortalError when it failed. */
  request<T>(
    operation: Operation,
    progress: string,
    action: (store: PortalStore) => Promise<T>,
  ): Promise<T | PortalError> | null;
  /** Back on the list with a notice, focus on it. */
  finish(notice: Notice): void;
  openPause(subscription: Subscription): void;
  readonly subscribeFlow: IntentFlowController<'subscribe'>;
  readonly changeFlow: IntentFlowController<'changeSubscription'>;
  /** "Add a payment method": hands over to the payment methods section. */
  navigateToMethods(): void;
  /** The merchant lets customers add cards and this page has card fields: "A new card" is offered. */
  readonly canAddCard: boolean;
  /** "A new card", once its code is fetched (`loadNewCard`). */
  readonly newCard: NewCard | null;
  loadNewCard(): void;
}

/** The id of the panel's heading (focus lands there when a step opens). */
export function headingId(host: { uid: string }): string {
  return `${host.uid}-panel-heading`;
}

/** A field's id in the panel. */
export function fieldId(host: { uid: string }, name: string): string {
  return `${host.uid}-${name}`;
}
