import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { describeAdapterConformance } from '../../src/adapters/conformance/index.js';

describeAdapterConformance({
  name: 'MemoryAdapter',
  describe,
  it,
  createHarness: () => {
    const adapter = new MemoryAdapter();
    return Promise.resolve({
      adapter,
      outbox: (to: string) =>
        Promise.resolve(adapter.outbox.filter((message) => message.to === to.toLowerCase())),
      updateSettings: (settings) => Promise.resolve(adapter.updateSettings(settings)),
      exchangeQuickOrderToken: async (token) => adapter.exchangeQuickOrderToken(token),
    });
  },
});
