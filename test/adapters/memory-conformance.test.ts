import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { describeAdapterConformance } from '../../src/adapters/conformance/index.js';

describeAdapterConformance({
  name: 'MemoryAdapter',
  describe,
  it,
  previews: true,
  activations: true,
  createHarness: () => {
    let offsetMs = 0;
    const adapter = new MemoryAdapter({ now: () => new Date(Date.now() + offsetMs) });
    return Promise.resolve({
      adapter,
      outbox: (to: string) =>
        Promise.resolve(adapter.outbox.filter((message) => message.to === to.toLowerCase())),
      updateSettings: (settings) => Promise.resolve(adapter.updateSettings(settings)),
      exchangeQuickOrderToken: (token) =>
        Promise.resolve().then(() => adapter.exchangeQuickOrderToken(token)),
      previewAs: (customerId) => {
        // One adapter is one browser tab: the merchant's preview takes its session over.
        adapter.previewAs(customerId);
        return Promise.resolve(adapter);
      },
      sendActivation: (customerId) => Promise.resolve(adapter.sendActivation(customerId)),
      advanceClock: (seconds) => {
        offsetMs += seconds * 1000;
        return Promise.resolve();
      },
    });
  },
});
