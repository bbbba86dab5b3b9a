import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalStore } from '../../core/store.js';
import type { PortalSettings, Subscribe } from '../../model/index.js';
import type { PanelOf } from './host.js';

/**
 * A subscribe whose answer was lost before a reload (the store's intent tracker kept it), as the review
 * it was sent from, or null: the element shows it "not confirmed" and the subscribe flow asks the backend,
 * by the request's key, what became of it.
 */
export function pendingSubscribe(store: PortalStore, settings: PortalSettings): PanelOf<'subscribe'> | null {
  for (const { planId } of settings.subscriptions.plans) {
    const request = store.intents.get(`subscribe:${planId}`)?.request as Subscribe | undefined;
    if (!request) continue;
    const { quantity, paymentMethodId } = request;
    return {
      kind: 'subscribe',
      step: 'review',
      planId,
      quantity: String(quantity),
      methodId: paymentMethodId ?? null,
    };
  }
  return null;
}

/** What the recovery needs of `<portal-subscriptions>`. */
interface PendingHost extends ReactiveControllerHost {
  readonly store: PortalStore | null | undefined;
  readonly settings: PortalSettings | undefined;
  showPending(panel: PanelOf<'subscribe'>): void;
}

/**
 * Looks once for a subscribe left pending by an earlier page (a reload), as soon as the store knows who
 * is signed in and the settings are there, and has the element show it as it was left.
 */
export class PendingSubscribeController implements ReactiveController {
  private lookedFor = false;

  constructor(private readonly host: PendingHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { store, settings } = this.host;
    if (this.lookedFor || store?.session.status !== 'signed_in' || !settings) return;
    this.lookedFor = true;
    const pending = pendingSubscribe(store, settings);
    if (pending) this.host.showPending(pending);
  }
}
