import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type RunningCardFieldsServer,
  startCardFieldsServer,
} from '../src/card-fields/card-fields-server.js';

const PORTAL = 'http://localhost:8080';
const SHOP = 'https://shop.example';

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as [string, string];
    }),
  );
}

describe('card fields listener', () => {
  let root: string;
  let server: RunningCardFieldsServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'card-fields-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Card details</title>');
    writeFileSync(join(root, 'assets', 'frame.js'), 'export {};');
    server = await startCardFieldsServer({ port: 0, root, frameAncestors: [PORTAL, `${SHOP}/some/page`] });
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the frame page on its own port, under a strict CSP that only the portal may frame', async () => {
    assert.notEqual(new URL(server.url).origin, PORTAL);
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await response.text(), /Card details/);
    const csp = directives(response.headers.get('content-security-policy'));
    assert.equal(csp.get('frame-ancestors'), `${PORTAL} ${SHOP}`);
    assert.equal(csp.get('default-src'), "'none'");
    assert.equal(csp.get('script-src'), "'self'");
    assert.equal(csp.get('style-src'), "'self'");
    assert.equal(csp.get('connect-src'), "'none'");
    assert.equal(csp.get('form-action'), "'none'");
    assert.equal(csp.get('require-trusted-types-for'), "'script'");
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  });

  it("serves the frame's assets with the same headers, and nothing else", async () => {
    const script = await fetch(`${server.url}assets/frame.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(script.headers.get('content-security-policy') ?? '', /frame-ancestors/);
    const missing = await fetch(`${server.url}portal-api/session`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const post = await fetch(server.url, { method: 'POST', body: '4242424242424242' });
    assert.equal(post.status, 404);
  });
});

describe('card fields listener without a built frame', () => {
  it('answers 503 with the command that builds it, and no page may frame it when no origin is given', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'card-fields-empty-'));
    const server = await startCardFieldsServer({ port: 0, root: empty, frameAncestors: [] });
    try {
      assert.equal(server.built, false);
      const response = await fetch(server.url);
      assert.equal(response.status, 503);
      assert.match(await response.text(), /vite build --config vite\.card-fields\.config\.ts/);
      assert.equal(
        directives(response.headers.get('content-security-policy')).get('frame-ancestors'),
        "'none'",
      );
    } finally {
      await server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
