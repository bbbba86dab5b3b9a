import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { PortalSettings } from '../../../src/model/index.js';
import { type ErrorReply, useTestServer } from './helpers.js';

const server = useTestServer();
const LOGO = '/admin/branding/logo';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width × height PNG carrying a tEXt chunk (metadata the server must not pass on). */
function pngWithText(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  const plain = PNG.sync.write(image);
  const iend = plain.length - 12;
  const text = pngChunk('tEXt', Buffer.from('Comment\0<script>alert(1)</script>', 'latin1'));
  return Buffer.concat([plain.subarray(0, iend), text, plain.subarray(iend)]);
}

/** A JPEG with an EXIF (APP1) segment right after the start marker. */
function jpegWithExif(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 120);
  const plain = Buffer.from(jpeg.encode({ data, width, height }, 80).data);
  const payload = Buffer.from('Exif\0\0GPS 48.8584 N 2.2945 E', 'latin1');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, payload.length + 2]), payload]);
  return Buffer.concat([plain.subarray(0, 2), app1, plain.subarray(2)]);
}

/** A 48 × 32 progressive JPEG from a real encoder (libjpeg-turbo 2.1.5, `cjpeg -progressive`): 10 scans. */
const PROGRESSIVE = readFileSync(new URL('./fixtures/progressive-logo.jpg', import.meta.url));

/** A JPEG cut into its segments; a scan (SOS) runs on through its entropy-coded data to the next marker. */
function jpegSegments(bytes: Buffer): Buffer[] {
  const segments = [bytes.subarray(0, 2)];
  const isMarker = (at: number) =>
    bytes[at] === 0xff && bytes[at + 1] !== 0 && (bytes[at + 1] < 0xd0 || bytes[at + 1] > 0xd7);
  for (let at = 2; at < bytes.length;) {
    let end = bytes[at + 1] === 0xd9 ? at + 2 : at + 2 + bytes.readUInt16BE(at + 2);
    if (bytes[at + 1] === 0xda) while (!isMarker(end)) end += 1;
    segments.push(bytes.subarray(at, end));
    at = end;
  }
  return segments;
}

/**
 * The progressive logo with `extra` more copies of its first scan right after it: the DC scan, which a
 * decoder simply does again, so the file still decodes. `hidden` wraps the copies in a restart-interval
 * (DRI) segment whose declared length covers them: jpeg-js reads that segment's four bytes only and goes
 * on to decode every copy, while a walk along the segment lengths would step over them all.
 */
function withFirstScanRepeated(extra: number, hidden = false): Buffer {
  const segments = jpegSegments(PROGRESSIVE);
  const first = segments.findIndex((segment) => segment[1] === 0xda);
  let copies = Buffer.concat(Array.from({ length: extra }, () => segments[first]));
  if (hidden) {
    const restartInterval = Buffer.from([0xff, 0xdd, 0, 0, 0, 0]);
    restartInterval.writeUInt16BE(4 + copies.length, 2);
    copies = Buffer.concat([restartInterval, copies]);
  }
  return Buffer.concat([...segments.slice(0, first + 1), copies, ...segments.slice(first + 1)]);
}

function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset < png.length; offset += 12 + png.readUInt32BE(offset)) {
    types.push(png.toString('latin1', offset + 4, offset + 8));
  }
  return types;
}

const upload = (contentType: string, bytes: Buffer) =>
  server.admin<PortalSettings & ErrorReply>('PUT', LOGO, { contentType, data: bytes.toString('base64') });

describe('logo upload', () => {
  it('a PNG is re-encoded without its text chunks, served content-addressed, and the settings point at it', async () => {
    const original = pngWithText(64, 32);
    const reply = await upload('image/png', original);
    assert.equal(reply.status, 200, reply.text);
    const url = reply.body.branding.logoUrl ?? '';
    assert.match(url, /\/branding\/logo\/[0-9a-f]{64}\.png$/);
    assert.equal((await server.admin<PortalSettings>('GET', '/admin/settings')).body.branding.logoUrl, url);

    const served = await fetch(url.replace(/^https?:\/\/[^/]+/, server.url));
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.match(served.headers.get('cache-control') ?? '', /max-age=31536000/);
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.notDeepEqual(bytes, original);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), /([0-9a-f]{64})/.exec(url)?.[1]);
    const types = chunkTypes(bytes);
    assert.ok(!types.some((type) => ['tEXt', 'zTXt', 'iTXt', 'eXIf'].includes(type)), types.join());
    assert.ok(!bytes.includes('script'));
    const decoded = PNG.sync.read(bytes);
    assert.deepEqual([decoded.width, decoded.height], [64, 32]);

    const removed = await server.admin<PortalSettings>('DELETE', LOGO);
    assert.equal(removed.status, 200);
    assert.equal(removed.body.branding.logoUrl, undefined);
    const unknown = await fetch(`${server.url}/branding/logo/${'0'.repeat(64)}.png`);
    assert.equal(unknown.status, 404);
  });

  it('a JPEG is re-encoded without its EXIF segment', async () => {
    const original = jpegWithExif(40, 40);
    const reply = await upload('image/jpeg', original);
    assert.equal(reply.status, 200, reply.text);
    const url = reply.body.branding.logoUrl ?? '';
    assert.match(url, /\.jpg$/);
    const served = await fetch(url.replace(/^https?:\/\/[^/]+/, server.url));
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.ok(!bytes.includes('Exif'), 'no EXIF');
    assert.ok(!bytes.includes('GPS'));
    assert.equal(jpeg.decode(bytes).width, 40);
  });

  it('refuses what is too big, not an image, of another type than declared, or of the wrong dimensions', async () => {
    const tooBig = Buffer.concat([pngWithText(16, 16), Buffer.alloc(2 * 1024 * 1024)]);
    const big = await upload('image/png', tooBig);
    assert.equal(big.status, 400);
    assert.deepEqual(big.body.error.fieldErrors, [{ path: 'data', code: 'too_large' }]);
    const justOver = Buffer.concat([pngWithText(16, 16)]);
    const padded = Buffer.concat([justOver, Buffer.alloc(2 * 1024 * 1024 + 1 - justOver.length)]);
    assert.deepEqual((await upload('image/png', padded)).body.error.fieldErrors, [
      { path: 'data', code: 'too_large' },
    ]);

    const cases: [string, Buffer][] = [
      ['image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
      ['image/jpeg', pngWithText(32, 32)],
      ['image/png', pngWithText(4096, 1)],
      ['image/png', pngWithText(8, 8)],
      ['image/jpeg', jpegWithExif(2100, 20)],
      ['image/png', pngWithText(32, 32).subarray(0, 60)],
    ];
    for (const [type, bytes] of cases) {
      const reply = await upload(type, bytes);
      assert.equal(reply.status, 400, `${type} ${reply.text}`);
      assert.deepEqual(reply.body.error.fieldErrors, [{ path: 'data', code: 'invalid' }]);
    }
    // Interlaced (IHDR byte 28): pngjs would inflate it with no output limit, so it is refused unread,
    // for that reason (not because decoding failed).
    const interlaced = await upload('image/png', Buffer.from(pngWithText(32, 32)).fill(1, 28, 29));
    assert.deepEqual(interlaced.body.error.fieldErrors, [{ path: 'data', code: 'invalid' }]);
    assert.match(interlaced.body.error.message, /interlaced/);
    const after = (await server.admin<PortalSettings>('GET', '/admin/settings')).body;
    assert.doesNotMatch(after.branding.logoUrl ?? '', /\/branding\/logo\//, 'nothing was stored');
  });

  it('accepts a progressive JPEG from a real encoder, and refuses one of more than 32 scans before decoding it', async () => {
    const accepted = await upload('image/jpeg', PROGRESSIVE);
    assert.equal(accepted.status, 200, accepted.text);
    const url = accepted.body.branding.logoUrl ?? '';
    const served = Buffer.from(
      await (await fetch(url.replace(/^https?:\/\/[^/]+/, server.url))).arrayBuffer(),
    );
    assert.deepEqual([jpeg.decode(served).width, jpeg.decode(served).height], [48, 32]);
    assert.ok(!served.includes(Buffer.from([0xff, 0xc2])), 're-encoded as a baseline JPEG');
    const thirtyTwo = await upload('image/jpeg', withFirstScanRepeated(22));
    assert.equal(thirtyTwo.status, 200, `32 scans are accepted: ${thirtyTwo.text}`);

    const refused: [string, Buffer][] = [
      ['33 scans', withFirstScanRepeated(23)],
      [
        '40 scans, 30 of them where a walk by segment lengths would not look',
        withFirstScanRepeated(30, true),
      ],
    ];
    for (const [what, bytes] of refused) {
      assert.equal(jpeg.decode(bytes).width, 48, `${what}: jpeg-js would decode it, every scan`);
      const reply = await upload('image/jpeg', bytes);
      assert.equal(reply.status, 400, `${what}: ${reply.text}`);
      assert.deepEqual(reply.body.error.fieldErrors, [{ path: 'data', code: 'invalid' }]);
      assert.match(reply.body.error.message, /more than 32 scans/, what);
    }
  });
});
