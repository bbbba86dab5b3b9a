import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import type { PortalError } from '../../src/contract/errors.js';
import { markValidated } from '../../src/contract/validation-mark.js';
import { PortalStore, keys } from '../../src/core/store.js';
import { rejectionOf } from '../helpers/deferred.js';

// Its own file, so its own page: nothing has loaded the validation yet when the first store below asks.
describe('PortalStore validation, loaded with the first call', () => {
  it('refuses a custom adapter’s bad answers from its very first calls, while the validation is still loading', async () => {
    const settings = await new MemoryAdapter().getSettings();
    // A plain object, not marked as validating itself.
    const custom = {
      getSettings: () => Promise.resolve({ ...settings, branding: { themeColor: 42 } }),
      getSession: () => Promise.resolve({ customerId: 7 }),
    } as unknown as PortalAdapter;
    const store = new PortalStore(custom);
    const [badSettings, badSession] = await Promise.all([
      rejectionOf(store.read('getSettings', undefined)),
      rejectionOf(store.read('getSession', undefined)),
    ]);
    expect((badSettings as PortalError).code).to.equal('invalid_response');
    expect((badSession as PortalError).code).to.equal('invalid_response');
    expect(store.peek(keys.settings), 'nothing unparsed is cached').to.equal(undefined);
    // Good answers pass, parsed.
    const good = new PortalStore(new MemoryAdapter());
    expect((await good.read('getSettings', undefined)).branding).to.deep.equal(settings.branding);
  });

  it('calls an adapter marked as validating itself as it is', () => {
    const memory = new MemoryAdapter();
    const store = new PortalStore(markValidated(memory));
    expect(store.adapter).to.equal(memory);
  });
});
