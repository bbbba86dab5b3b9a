import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpAdapter } from '../../src/adapters/http/http-adapter.js';
import { type PortalErrorCode } from '../../src/contract/errors.js';
import { en } from '../helpers/messages.js';
import '../../src/elements/portal-invoices/define.js';
import type { PortalInvoices } from '../../src/elements/portal-invoices/portal-invoices.js';
import { signedInAda } from '../helpers/customers.js';

/**
 * Faults on the wire, seen by a customer: each broken answer from an HTTP backend reaches
 * <portal-invoices> through HttpAdapter as the right PortalError, shown as its localized message with a
 * Retry button — never a crash, a blank box or raw text — and Retry recovers once the backend does.
 */
type Fault = (request: Request) => Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const htmlPage = (status: number) =>
  new Response('<!doctype html><title>Bad Gateway</title><h1>nginx</h1>', {
    status,
    headers: { 'content-type': 'text/html' },
  });

const FAULTS: [string, PortalErrorCode, Fault][] = [
  [
    'a 500 with an error body',
    'unavailable',
    () => Promise.resolve(json(500, { error: { code: 'unavailable', message: 'db down' } })),
  ],
  ['a 502 HTML error page', 'unavailable', () => Promise.resolve(htmlPage(502))],
  [
    'a 429 asking for two minutes',
    'rate_limited',
    () =>
      Promise.resolve(
        json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '120' }),
      ),
  ],
  ['a dropped connection', 'network', () => Promise.reject(new TypeError('Failed to fetch'))],
  [
    'a server that never answers',
    'timeout',
    (request) =>
      new Promise((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error)),
      ),
  ],
  ['HTML instead of JSON', 'invalid_response', () => Promise.resolve(htmlPage(200))],
  [
    'malformed JSON',
    'invalid_response',
    () =>
      Promise.resolve(
        new Response('{"items": [', { status: 200, headers: { 'content-type': 'application/json' } }),
      ),
  ],
  [
    'a body of the wrong shape',
    'invalid_response',
    () => Promise.resolve(json(200, { items: [{ id: 'x', total: 12.5 }], nextCursor: null })),
  ],
];

describe('HTTP faults as the customer sees them', () => {
  for (const [name, code, fault] of FAULTS) {
    it(`${name}: "${code}" shown with Retry, and Retry recovers`, async () => {
      const ada = await signedInAda();
      const healthy = json(200, await ada.listInvoices({ filter: 'all', limit: 25 }));
      let broken = true;
      const adapter = new HttpAdapter({
        baseUrl: 'https://billing.example/portal-api',
        timeoutMs: 200,
        retry: { limit: 1, backoffMs: 1, maxRetryAfterSeconds: 1 },
        fetch: (input, init) => {
          const request = new Request(input, init);
          return broken ? fault(request) : Promise.resolve(healthy.clone());
        },
      });
      const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
      const alert = () => el.shadowRoot!.querySelector('[role="alert"]');
      await waitUntil(alert, `an error is shown for ${name}`, { timeout: 4000 });
      expect(alert()!.textContent).to.contain(en.errors[code]);
      expect(el.shadowRoot!.textContent).not.to.match(/undefined|NaN|\[object Object\]|TypeError|<html/i);
      await expect(el).to.be.accessible();
      const retry = [...alert()!.querySelectorAll('button')].find((button) =>
        button.textContent?.includes(en.common.retry),
      );
      expect(retry, 'a Retry button').to.exist;
      broken = false;
      retry!.click();
      await waitUntil(
        () => el.shadowRoot!.querySelectorAll('[part~="row"]').length === 9,
        'the invoices after Retry',
      );
    });
  }
});
