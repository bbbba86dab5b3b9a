import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { describeAdapterConformance } from '../../src/adapters/conformance/index.js';

describeAdapterConformance({
  name: 'MemoryAdapter',
  describe,
  it,
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
      advanceClock: (seconds) => {
        offsetMs += seconds * 1000;
        return Promise.resolve();
      },
    });
  },
});
