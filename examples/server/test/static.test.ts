import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { type RunningServer, startServer } from '../src/server.js';
import { MERCHANT_SECRET } from './helpers.js';

/**
 * The static files the server sends next to the API (the storefront and the script-tag bundle): scripts
 * compressed as the browser accepts, hashed chunks cached for a year, `portal.js` and pages revalidated.
 */
const ENTRY = `console.log(${JSON.stringify('portal entry '.repeat(200))});`;
const CHUNK = `export const shared = ${JSON.stringify('shared chunk '.repeat(200))};`;
const CHUNK_PATH = '/chunks/shared-Bl98bEfq.js';

let dir: string;
let server: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-static-'));
  mkdirSync(join(dir, 'chunks'));
  for (const [name, code] of [
    ['portal.js', ENTRY],
    [CHUNK_PATH.slice(1), CHUNK],
  ] as const) {
    writeFileSync(join(dir, name), code);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(code));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(code));
  }
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>store</title>');
  server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    dataDir: ':memory:',
    merchantSecret: MERCHANT_SECRET,
    staticDirs: [dir],
  });
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The response as sent, body still encoded (the app is asked directly; nothing decodes on the way). */
async function get(path: string, acceptEncoding?: string) {
  const response = await server.app.request(path, {
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('static files', () => {
  it('sends a script brotli-compressed to a browser that accepts it, and says it varies by encoding', async () => {
    const { response, body } = await get(CHUNK_PATH, 'gzip, deflate, br, zstd');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.match(response.headers.get('vary') ?? '', /accept-encoding/i);
    assert.equal(brotliDecompressSync(body).toString(), CHUNK);
    assert.ok(body.length < CHUNK.length / 4, 'the compressed body is what travels');
  });

  it('falls back to gzip, then to the file as it is', async () => {
    const gzip = await get(CHUNK_PATH, 'gzip');
    assert.equal(gzip.response.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(gzip.body).toString(), CHUNK);

    const plain = await get(CHUNK_PATH);
    assert.equal(plain.response.headers.get('content-encoding'), null);
    assert.equal(plain.body.toString(), CHUNK);
    assert.match(plain.response.headers.get('vary') ?? '', /accept-encoding/i);
  });

  it('lets a browser keep a hashed chunk for a year, and revalidate portal.js and pages on each use', async () => {
    const chunk = await get(CHUNK_PATH, 'br');
    assert.equal(chunk.response.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const entry = await get('/portal.js', 'br');
    assert.equal(entry.response.headers.get('content-encoding'), 'br');
    assert.equal(brotliDecompressSync(entry.body).toString(), ENTRY);
    assert.equal(entry.response.headers.get('cache-control'), 'no-cache');

    const page = await get('/');
    assert.equal(page.response.status, 200);
    assert.equal(page.response.headers.get('cache-control'), 'no-cache');
    assert.ok(page.response.headers.get('content-security-policy'), 'pages keep their policy');
  });

  it("leaves the API's answers out of static caching, and no file that is not there", async () => {
    const api = await get('/portal-api/settings');
    assert.equal(api.response.status, 200);
    assert.doesNotMatch(api.response.headers.get('cache-control') ?? '', /max-age|immutable/);

    const missing = await get('/chunks/nothing-12345678.js', 'br');
    assert.equal(missing.response.status, 404);
    assert.notEqual(missing.response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });
});
