import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { PortalError } from '../../../../src/contract/errors.js';
import { LOGO_MAX_BYTES, type LogoUpload } from '../../../../src/model/index.js';
import { invalidField } from '../../../../src/rules/errors.js';
import type { Queryable } from '../db/database.js';

/**
 * The merchant's logo: checked, decoded and re-encoded before it is stored, so what customers' browsers
 * load is pixels this server wrote (no metadata, comments, text chunks or anything appended), served from
 * its own origin at an address naming the SHA-256 of its bytes.
 *
 * Accepted: PNG or JPEG, recognised by their magic bytes (which must agree with the declared type), at
 * most 2 MB decoded from base64, 16 to 2048 pixels on each side. The dimensions are read from the header
 * before any pixel is decoded, so a small file claiming a huge image is refused without the memory cost.
 * The work of decoding is bounded the same way: no interlaced PNG, and a JPEG has at most `JPEG_MAX_SCANS`.
 */
export const LOGO_MIN_SIDE = 16;
export const LOGO_MAX_SIDE = 2048;
export const LOGO_PATH = '/branding/logo';
/** JPEG re-encoding quality: visually lossless for a logo. */
const JPEG_QUALITY = 90;
/**
 * At most this many scans in a JPEG. jpeg-js decodes each scan of a progressive JPEG as a full pass over
 * every block of the image, however few bytes the scan takes, so a 2 MB file of tiny scans would keep the
 * server busy for hours. Real encoders write 10 scans for colour (libjpeg's standard progression), 6 for
 * greyscale and 18 for four components; 32 leaves room for other progressions and an EXIF thumbnail's own
 * scan, and keeps the largest logo's decode to about three times an ordinary progressive one.
 */
export const JPEG_MAX_SCANS = 32;
/**
 * jpeg-js's own ceilings, as tight as the accepted sizes allow: no more pixels than the largest accepted
 * logo, and 64 MB, which a 2048 × 2048 colour JPEG with the usual chroma subsampling needs (59 MB).
 */
const JPEG_DECODE_LIMITS = {
  maxResolutionInMP: (LOGO_MAX_SIDE * LOGO_MAX_SIDE) / 1_000_000,
  maxMemoryUsageInMB: 64,
};

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

export interface StoredLogo {
  sha256: string;
  contentType: LogoUpload['contentType'];
  bytes: Buffer;
}

const notAnImage = (why: string) => invalidField('data', `the logo is not usable: ${why}`);

function sniff(bytes: Buffer): LogoUpload['contentType'] | undefined {
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  return undefined;
}

/** Width and height from a PNG's IHDR chunk (always first). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw notAnImage('no PNG header');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Width and height from a JPEG's first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) throw notAnImage('broken JPEG markers');
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  throw notAnImage('no JPEG frame header');
}

const START_OF_SCAN = Buffer.from([0xff, 0xda]);

/**
 * Refuses a JPEG with more than `JPEG_MAX_SCANS` scans. Every FF DA byte pair in the file is counted, not
 * just those a walk along the segment lengths reaches: jpeg-js does not skip every segment by its declared
 * length (DRI, SOF, SOS and the table segments are read by their contents), so such a walk could be steered
 * past scans jpeg-js then decodes. Entropy-coded data never holds FF DA (an FF there is followed by 00 or a
 * restart marker), so a real file counts its scans, plus at most a thumbnail's or a chance pair in metadata.
 */
function checkScanCount(bytes: Buffer): void {
  let scans = 0;
  for (let at = bytes.indexOf(START_OF_SCAN); at !== -1; at = bytes.indexOf(START_OF_SCAN, at + 2)) {
    scans += 1;
    if (scans > JPEG_MAX_SCANS) {
      throw notAnImage(`a JPEG with more than ${JPEG_MAX_SCANS} scans: save it as a baseline JPEG`);
    }
  }
}

function checkSize({ width, height }: { width: number; height: number }): void {
  const ok = (side: number) => side >= LOGO_MIN_SIDE && side <= LOGO_MAX_SIDE;
  if (!ok(width) || !ok(height)) {
    throw notAnImage(
      `${width}×${height} pixels; each side must be ${LOGO_MIN_SIDE} to ${LOGO_MAX_SIDE} pixels`,
    );
  }
}

/** Checks an upload and re-encodes it (field errors on `data`: `too_large` or `invalid`). */
export function reencodeLogo(upload: LogoUpload): StoredLogo {
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw invalidField('data', `the logo is larger than ${LOGO_MAX_BYTES} bytes`, 'too_large');
  }
  const type = sniff(bytes);
  if (type === undefined) throw notAnImage('neither PNG nor JPEG');
  if (type !== upload.contentType) throw notAnImage(`the file is ${type}, not ${upload.contentType}`);
  let output: Buffer;
  try {
    if (type === 'image/png') {
      checkSize(pngSize(bytes));
      // pngjs inflates an interlaced image with no output limit: a small file could claim little and
      // decompress to gigabytes. Logos need no interlacing, so such a file is refused before decoding.
      if (bytes[28] !== 0) throw notAnImage('interlaced PNG: save it without interlacing');
      const { data, width, height } = PNG.sync.read(bytes);
      const image = new PNG({ width, height });
      data.copy(image.data);
      output = PNG.sync.write(image, { colorType: 6 });
    } else {
      checkSize(jpegSize(bytes));
      checkScanCount(bytes);
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, ...JPEG_DECODE_LIMITS });
      checkSize(image);
      // Only the pixels: jpeg-js would write the decoded EXIF (`exifBuffer`) back.
      const { data, width, height } = image;
      output = Buffer.from(jpeg.encode({ data, width, height }, JPEG_QUALITY).data);
    }
  } catch (error) {
    if (error instanceof PortalError) throw error;
    throw notAnImage(`it cannot be decoded as ${type}`);
  }
  return { sha256: createHash('sha256').update(output).digest('hex'), contentType: type, bytes: output };
}

export function logoFileName(logo: Pick<StoredLogo, 'sha256' | 'contentType'>): string {
  return `${logo.sha256}.${logo.contentType === 'image/png' ? 'png' : 'jpg'}`;
}

export async function saveLogo(q: Queryable, logo: StoredLogo, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO logos (sha256, content_type, data_base64, created_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
    [logo.sha256, logo.contentType, logo.bytes.toString('base64'), now],
  );
}

export async function findLogo(q: Queryable, sha256: string): Promise<StoredLogo | undefined> {
  const { rows } = await q.query<{ content_type: StoredLogo['contentType']; data_base64: string }>(
    'SELECT content_type, data_base64 FROM logos WHERE sha256 = $1',
    [sha256],
  );
  const row = rows[0];
  return row && { sha256, contentType: row.content_type, bytes: Buffer.from(row.data_base64, 'base64') };
}
