import { describe, it } from 'node:test';
import { describeAdapterConformance } from '../../../src/adapters/conformance/index.js';
import { HttpAdapter } from '../../../src/adapters/http/http-adapter.js';
import { PortalError } from '../../../src/contract/errors.js';
import type { PreviewGrant, QuickOrderCustomer } from '../../../src/model/index.js';
import { useTestServer } from './helpers.js';

/**
 * The adapter conformance suite, run against HttpAdapter talking to this server over real HTTP: the same
 * behaviour the suite demands of MemoryAdapter, now through the HTTP contract and the database. Each test
 * starts from a freshly seeded database and a browser-like cookie jar.
 */
const server = useTestServer({ freshEachTest: false });

/** What a browser does with `credentials: 'include'`: keep the session cookie and send it back. */
function fetchWithCookies(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const request = new Request(input, init);
    if (jar.size > 0) {
      request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(request);
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0];
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

describeAdapterConformance({
  name: 'HttpAdapter + reference server',
  describe,
  it,
  previews: true,
  activations: true,
  createHarness: async () => {
    await server.reset();
    return {
      adapter: new HttpAdapter({ baseUrl: `${server.url}/portal-api`, fetch: fetchWithCookies() }),
      outbox: async (to) => (await server.outbox(to)).map(({ subject, text }) => ({ subject, text })),
      updateSettings: async (settings) => {
        const reply = await server.admin('PUT', '/admin/settings', settings);
        if (reply.status !== 200) throw new Error(`settings refused: ${reply.status} ${reply.text}`);
      },
      exchangeQuickOrderToken: async (token) => {
        const reply = await server.admin<QuickOrderCustomer>('POST', '/admin/quick-order-tokens/exchange', {
          token,
        });
        if (reply.status === 200) return reply.body;
        throw new PortalError(reply.status === 404 ? 'not_found' : 'unavailable', reply.text);
      },
      previewAs: async (customerId) => {
        const reply = await server.admin<PreviewGrant>('POST', `/admin/customers/${customerId}/preview`);
        if (reply.status !== 200) throw new Error(`preview refused: ${reply.status} ${reply.text}`);
        return new HttpAdapter({ baseUrl: `${server.url}/portal-api`, sessionToken: reply.body.token });
      },
      sendActivation: async (customerId) => {
        const reply = await server.admin('POST', `/admin/customers/${customerId}/activation`);
        if (reply.status !== 204) throw new Error(`activation refused: ${reply.status} ${reply.text}`);
      },
      advanceClock: async (seconds) => {
        const reply = await server.admin('POST', '/__test__/clock', { advanceSeconds: seconds });
        if (reply.status !== 200) throw new Error(`clock refused: ${reply.status} ${reply.text}`);
      },
    };
  },
});
