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
