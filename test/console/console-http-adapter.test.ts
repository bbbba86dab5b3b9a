import { expect } from '@open-wc/testing';
import { DEMO_SETTINGS } from '../../src/adapters/demo/demo-data.js';
import { PortalError } from '../../src/contract/errors.js';
import { ConsoleHttpAdapter } from '../../src/console/adapters/console-http-adapter.js';

// The console's HTTP contract as the server sees it: method, path, query, body and credentials.

interface Seen {
  method: string;
  url: string;
  credentials: RequestCredentials;
  body: string;
}

function serve(answer: (request: Request) => Response): { adapter: ConsoleHttpAdapter; seen: Seen[] } {
  const seen: Seen[] = [];
  const adapter = new ConsoleHttpAdapter({
    baseUrl: 'https://shop.example',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push({
        method: request.method,
        url: request.url,
        credentials: request.credentials,
        body: await request.clone().text(),
      });
      return answer(request);
    },
  });
  return { adapter, seen };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ConsoleHttpAdapter', () => {
  it('signs in at /merchant/api/session with same-origin credentials and parses the session', async () => {
    const session = {
      staffId: 'staff_owner',
      email: 'owner@northwind.example',
      name: 'Nora Northwind',
      expiresAt: '2030-01-01T00:00:00.000Z',
    };
    const { adapter, seen } = serve(() => json(session));
    const answer = await adapter.staffSignIn({ email: 'owner@northwind.example', password: 'pw' });
    expect(answer).to.deep.equal(session);
    expect(seen[0].method).to.equal('POST');
    expect(seen[0].url).to.equal('https://shop.example/merchant/api/session');
    expect(seen[0].credentials).to.equal('same-origin');
    expect(JSON.parse(seen[0].body)).to.deep.equal({ email: 'owner@northwind.example', password: 'pw' });
  });

  it('sends filters in the query string and route params in the path', async () => {
    const { adapter, seen } = serve((request) =>
      request.url.includes('access-logs')
        ? json({ items: [], nextCursor: null })
        : json({
            customerId: 'cus_ada',
            customerCode: 'CUST-0001',
            name: 'Ada Lovelace',
            email: 'ada@example.com',
            state: 'locked',
            locked: true,
            activated: true,
          }),
    );
    await adapter.adminListAccessLogs({ result: 'failure', customer: 'CUST', limit: 5 });
    await adapter.adminLockCustomer({ customerId: 'cus_ada' });
    expect(seen[0].url).to.equal(
      'https://shop.example/merchant/api/access-logs?result=failure&customer=CUST&limit=5',
    );
    expect(seen[1].method).to.equal('POST');
    expect(seen[1].url).to.equal('https://shop.example/merchant/api/customers/cus_ada/lock');
  });

  it('answers the CSV export as a file named by the server', async () => {
    const { adapter } = serve(
      () =>
        new Response('at,result\r\n', {
          headers: {
            'content-type': 'text/csv',
            'content-disposition': 'attachment; filename="access-logs.csv"',
          },
        }),
    );
    const file = await adapter.adminExportAccessLogs({});
    expect(file.fileName).to.equal('access-logs.csv');
    expect(await file.blob.text()).to.equal('at,result\r\n');
  });

  it('turns refusals into PortalErrors with their field errors, and bad answers into invalid_response', async () => {
    const { adapter } = serve((request) =>
      request.method === 'PUT'
        ? json(
            {
              error: {
                code: 'validation',
                message: 'no',
                fieldErrors: [{ path: 'signIn.password', code: 'required' }],
              },
            },
            400,
          )
        : json({ not: 'settings' }),
    );
    const refused = await adapter.adminUpdateSettings(DEMO_SETTINGS).catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(PortalError);
    expect((refused as PortalError).code).to.equal('validation');
    expect((refused as PortalError).fieldErrors).to.deep.equal([
      { path: 'signIn.password', code: 'required' },
    ]);
    const bad = await adapter.adminGetSettings().catch((error: unknown) => error);
    expect((bad as PortalError).code).to.equal('invalid_response');
  });

  it('refuses a bad input before sending anything', async () => {
    const { adapter, seen } = serve(() => json(null));
    const refused = await adapter
      .staffSignIn({ email: 'not-an-email', password: 'pw' })
      .catch((e: unknown) => e);
    expect((refused as PortalError).code).to.equal('validation');
    expect(seen).to.have.length(0);
  });
});
