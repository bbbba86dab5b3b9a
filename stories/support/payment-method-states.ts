import { DEMO_PASSWORD, type DemoData, createDemoData } from '../../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PortalSettings } from '../../src/model/index.js';

/**
 * Ada's payment methods in each state the stories and the element tests show, on a fresh demo backend
 * (her Visa 4242 is the default, her Mastercard 4444 expires within 60 days, her bank account is 6789).
 */
export async function adaWith(
  change: (data: DemoData) => void = () => undefined,
  settings: (settings: PortalSettings['paymentMethods'], all: PortalSettings) => void = () => undefined,
): Promise<MemoryAdapter> {
  const data = createDemoData();
  change(data);
  settings(data.settings.paymentMethods, data.settings);
  const adapter = new MemoryAdapter({ data });
  await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  return adapter;
}

/** Keeps only Ada's methods whose ids are listed; the first kept card becomes the default. */
export function onlyMethods(...ids: string[]): (data: DemoData) => void {
  return (data) => {
    data.paymentMethods = data.paymentMethods.filter(
      (method) => method.customerId !== 'cus_ada' || ids.includes(method.id),
    );
    const ada = data.customers.find((customer) => customer.id === 'cus_ada');
    if (ada) ada.defaultPaymentMethodId = ids[0];
  };
}

/** Ada also has a Discover card that expired last year. */
export function withExpiredCard(data: DemoData): void {
  data.paymentMethods.push({
    id: 'pm_ada_discover',
    customerId: 'cus_ada',
    type: 'card',
    brand: 'discover',
    last4: '1117',
    expMonth: 1,
    expYear: new Date().getUTCFullYear() - 1,
    holderName: 'Ada Lovelace',
    verified: true,
  });
}

/** Every payment-method capability off, and the default fixed. */
export function settingsOff(paymentMethods: PortalSettings['paymentMethods'], all: PortalSettings): void {
  paymentMethods.addCards = false;
  paymentMethods.removeCards = false;
  paymentMethods.addBankAccounts = false;
  all.profile.modifyInformation = false;
}
