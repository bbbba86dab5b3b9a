import { DEMO_PASSWORD, type DemoData, createDemoData } from '../../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PortalSettings } from '../../src/model/index.js';
import type { SubscriptionRecord } from '../../src/rules/records.js';

/**
 * Ada's subscriptions in each state the stories and the element tests show, on a fresh demo backend:
 * Roaster's Choice (`sub_ada_roasters`, 2 bags, active) and Espresso Club (`sub_ada_espresso`, trial).
 */
export async function adaSubscriptions(
  change: (data: DemoData) => void = () => undefined,
  settings: (settings: PortalSettings['subscriptions']) => void = () => undefined,
): Promise<MemoryAdapter> {
  const data = createDemoData();
  change(data);
  settings(data.settings.subscriptions);
  const adapter = new MemoryAdapter({ data });
  await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  return adapter;
}

function roasters(data: DemoData): SubscriptionRecord {
  const found = data.subscriptions.find((each) => each.id === 'sub_ada_roasters');
  if (!found) throw new Error('the demo data has no sub_ada_roasters');
  return found;
}

function daysFrom(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Only Roaster's Choice (the trial is left out, so one card shows one state). */
export function onlyRoasters(data: DemoData): void {
  data.subscriptions = data.subscriptions.filter(
    (each) => each.customerId !== 'cus_ada' || each.id === 'sub_ada_roasters',
  );
}

/** Ada has no subscriptions at all. */
export function noSubscriptions(data: DemoData): void {
  data.subscriptions = data.subscriptions.filter((each) => each.customerId !== 'cus_ada');
}

/** Roaster's Choice with its last renewal unpaid. */
export function pastDue(data: DemoData): void {
  onlyRoasters(data);
  roasters(data).status = 'past_due';
}

/** Roaster's Choice paused for three weeks. */
export function paused(data: DemoData): void {
  onlyRoasters(data);
  const record = roasters(data);
  record.status = 'paused';
  record.pausedUntil = daysFrom(today(), 21);
  delete record.nextBillingDate;
}

/** Roaster's Choice ends at the period end (Ada cancelled it; she can still undo it). */
export function cancelling(data: DemoData): void {
  onlyRoasters(data);
  const record = roasters(data);
  record.cancelAtPeriodEnd = true;
  record.cancellationReason = 'other';
  delete record.nextBillingDate;
}

/** Roaster's Choice was cancelled three days ago. */
export function cancelled(data: DemoData): void {
  onlyRoasters(data);
  const record = roasters(data);
  record.status = 'canceled';
  record.canceledAt = daysFrom(today(), -3);
  record.cancelAtPeriodEnd = false;
  delete record.nextBillingDate;
}

/** Roaster's Choice goes down to one bag at the period end. */
export function scheduledDowngrade(data: DemoData): void {
  onlyRoasters(data);
  const record = roasters(data);
  record.scheduledChange = { planId: record.planId, quantity: 1, effectiveDate: record.currentPeriodEnd };
}

/** Roaster's Choice with a retention discount Ada accepted. */
export function discounted(data: DemoData): void {
  onlyRoasters(data);
  roasters(data).discount = { percentOff: 20, periodsRemaining: 2 };
}

/** The merchant's retention offer: 20 % off the next 3 renewals. */
export function discountOffer(settings: PortalSettings['subscriptions']): void {
  settings.retentionOffer = { kind: 'discount', percentOff: 20, periods: 3 };
}

/** The merchant's retention offer: pause instead. */
export function pauseOffer(settings: PortalSettings['subscriptions']): void {
  settings.retentionOffer = { kind: 'pause' };
}

/** No retention offer, cancellation at the period end only. */
export function plainCancel(settings: PortalSettings['subscriptions']): void {
  delete settings.retentionOffer;
  settings.cancellation = 'period_end';
}
