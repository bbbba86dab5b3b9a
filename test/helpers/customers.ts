import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD, DEMO_TEMPORARY_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import type { PortalSettings } from '../../src/model/index.js';

// The demo's customers (DESIGN.md, "Demo data"), signed in on a fresh MemoryAdapter.

export const ADA = { email: 'ada@example.com', password: DEMO_PASSWORD };

/** Ada Lovelace: USD, invoices in every status, two cards and a bank account. */
export async function signedInAda(options: MemoryAdapterOptions = {}): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter(options);
  await adapter.signIn(ADA);
  return adapter;
}

/** Mary activates her account: no invoices and no subscriptions, so nothing owed and nothing scheduled. */
export async function signedInMary(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  const result = await adapter.signIn({ email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
  if (result.status !== 'password_change_required') throw new Error('Mary should need a new password');
  await adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'a-new-password-42' });
  return adapter;
}

/** Grace, through her magic link, into Analytical Engines Ltd's account (EUR). */
export async function signedInAnalytical(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await adapter.requestMagicLink({ email: 'grace@example.net' });
  const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1] ?? '';
  await adapter.verifyMagicLink({ token });
  return adapter;
}

/** Changes the merchant's portal settings on the demo backend. */
export async function changeSettings(
  adapter: MemoryAdapter,
  change: (settings: PortalSettings) => void,
): Promise<void> {
  const settings = structuredClone(await adapter.getSettings());
  change(settings);
  adapter.updateSettings(settings);
}
