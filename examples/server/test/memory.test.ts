import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type ChildServer, startChildServer } from './support/child.js';

/**
 * An unauthenticated client must not be able to make the server hold a large body in memory: bodies are
 * bounded in bytes while they stream in (src/http/body-limit.ts). The server runs in a process of its
 * own so that its resident memory can be read from /proc, peak included.
 */
const MB = 1024 * 1024;
let server: ChildServer;

before(async () => {
  // PGlite in memory even in the PostgreSQL run: this is about the HTTP layer, not the database.
  server = await startChildServer({ DATABASE_URL: '' });
});
after(async () => {
  await server?.stop();
});

/** POSTs `total` bytes of JSON-ish text in 1 MB chunks, declared up front or chunked, until answered. */
function upload(path: string, total: number, declareLength: boolean) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(declareLength ? { 'content-length': String(total) } : {}),
      },
    });
    const chunk = Buffer.alloc(MB, 'a');
    let sent = 0;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      let body = '';
      response.on('data', (data: Buffer) => (body += data.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

describe('request bodies', () => {
  for (const declareLength of [true, false]) {
    it(`refuses a 200 MB ${declareLength ? 'declared' : 'chunked'} body with 413 while memory grows < 50 MB`, async () => {
      // Warm up the sign-in path so that lazily loaded code is not counted as the body's cost.
      await fetch(`${server.url}/portal-api/settings`);
      const before = server.memory().rss;
      server.resetPeak();
      const reply = await upload('/portal-api/auth/sign-in', 200 * MB, declareLength);
      const grown = server.memory().peak - before;
      assert.ok(grown < 50 * MB, `resident memory peaked ${(grown / MB).toFixed(1)} MB above where it was`);
      assert.equal(reply.status, 413);
      const body = JSON.parse(reply.body) as { error: { code: string; fieldErrors: unknown[] } };
      assert.equal(body.error.code, 'validation');
      assert.deepEqual(body.error.fieldErrors, [{ path: '', code: 'too_large' }]);
      const still = await fetch(`${server.url}/portal-api/settings`);
      assert.equal(still.status, 200, 'the server still serves');
    });
  }

  it('counts bytes, not characters: a body just over the limit in multi-byte text is refused', async () => {
    // 400,001 three-byte characters: 1,200,003 bytes but fewer than a million UTF-16 code units.
    const text = JSON.stringify({ email: 'a@example.com', password: '€'.repeat(400_001) });
    const reply = await fetch(`${server.url}/portal-api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    assert.equal(reply.status, 413);
  });
});
