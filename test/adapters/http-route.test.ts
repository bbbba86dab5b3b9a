import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { type Operation, operationsWithSchemas as operations } from '../../src/contract/operation-schemas.js';
import { adminOperations } from '../../src/contract/admin-operations.js';
import { codeForStatus, fileNameFrom, retryAfterSeconds } from '../../src/adapters/http/response.js';
import { buildRequest, sendsBody } from '../../src/adapters/http/route.js';
import { PortalError } from '../../src/contract/errors.js';

describe('HTTP routes from the operations table', () => {
  it('refuses to build a route whose parameter is missing or empty', () => {
    for (const input of [{}, { id: '' }, { id: { nested: true } }]) {
      const build = () => buildRequest(operations.getInvoice, input);
      expect(build).to.throw(PortalError).with.property('code', 'validation');
    }
  });

  it('repeats array query values and writes scalars as text', () => {
    const search: Operation = {
      input: z.object({ tag: z.array(z.string()), open: z.boolean(), page: z.number(), where: z.object({}) }),
      output: null,
      http: { verb: 'GET', path: '/search' },
      summary: 'a query-only operation for the test',
    };
    const request = buildRequest(search, {
      tag: ['a', 'b c'],
      open: false,
      page: 2,
      where: { x: 1 },
      gone: null,
    });
    expect(request.query.toString()).to.equal('tag=a&tag=b+c&open=false&page=2&where=%7B%22x%22%3A1%7D');
    expect(request.body).to.equal(undefined);
  });

  it('sends a body unless the input is only route parameters, or the verb carries a query', () => {
    expect(sendsBody(operations.payInvoice)).to.equal(true);
    expect(sendsBody(operations.pauseSubscription)).to.equal(true);
    expect(sendsBody(operations.resumeSubscription)).to.equal(false);
    expect(sendsBody(operations.signOut)).to.equal(false);
    expect(sendsBody(operations.removePaymentMethod)).to.equal(false);
    // A union input has no field list to compare with the path: it always travels as a body.
    expect(sendsBody(adminOperations.adminAddAccessRule)).to.equal(true);
  });

  it('reads the idempotency key of money-moving operations only', () => {
    const key = 'key-0123456789abcdef';
    const subscribe = buildRequest(operations.subscribe, {
      planId: 'plan_1',
      quantity: 1,
      idempotencyKey: key,
    });
    expect(subscribe.idempotencyKey).to.equal(key);
    const fake = buildRequest(operations.addCard, { token: 'tok', idempotencyKey: key });
    expect(fake.idempotencyKey).to.equal(undefined);
  });
});

describe('HTTP responses', () => {
  it('maps statuses to error codes', () => {
    const table: [number, string][] = [
      [400, 'validation'],
      [413, 'validation'],
      [422, 'validation'],
      [401, 'unauthorized'],
      [402, 'payment_declined'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [410, 'not_found'],
      [408, 'timeout'],
      [409, 'conflict'],
      [423, 'account_locked'],
      [429, 'rate_limited'],
      [500, 'unavailable'],
      [502, 'unavailable'],
      [503, 'unavailable'],
      [504, 'timeout'],
      [418, 'invalid_response'],
      [304, 'invalid_response'],
    ];
    expect(table.map(([status]) => [status, codeForStatus(status)])).to.deep.equal(table);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(retryAfterSeconds('120', now)).to.equal(120);
    expect(retryAfterSeconds('0', now)).to.equal(0);
    expect(retryAfterSeconds('Sat, 21 Nov 2026 10:01:30 GMT', now)).to.equal(90);
    expect(retryAfterSeconds('Sat, 21 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(retryAfterSeconds('soon', now)).to.equal(undefined);
    expect(retryAfterSeconds(null, now)).to.equal(undefined);
    expect(retryAfterSeconds(' ', now)).to.equal(undefined);
  });

  it('reads file names from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="INV-1002.pdf"')).to.equal('INV-1002.pdf');
    expect(fileNameFrom('attachment; filename=INV-1002.pdf')).to.equal('INV-1002.pdf');
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E2%82%AC%20rechnung.pdf`)).to.equal('€ rechnung.pdf');
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E2%ZZ.pdf; filename="plain.pdf"`)).to.equal(
      'plain.pdf',
    );
    expect(fileNameFrom('attachment; filename="a \\"quoted\\" name.pdf"')).to.equal('a "quoted" name.pdf');
    expect(fileNameFrom('attachment; filename="C:\\\\temp\\\\x.pdf"')).to.equal('C:_temp_x.pdf');
    expect(fileNameFrom(`attachment; filename="${'x'.repeat(300)}.pdf"`)).to.have.length(200);
    expect(fileNameFrom('attachment; filename="   "')).to.equal(undefined);
    expect(fileNameFrom('inline')).to.equal(undefined);
    expect(fileNameFrom(null)).to.equal(undefined);
  });
});
