import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { LOGO_PATH, findLogo } from './logo.js';

/**
 * The uploaded logos, public (customers' pages show them before anyone signs in): one address per
 * content, so it may be cached for a year; `nosniff` (set for every answer) keeps it an image.
 */
export function logoRouter(app: AppContext): Hono {
  const router = new Hono();
  router.get(`${LOGO_PATH}/:file{[0-9a-f]{64}\\.(?:png|jpg)}`, async (c) => {
    const [sha256, extension] = c.req.param('file').split('.');
    const logo = await findLogo(app.db, sha256);
    if (!logo || (extension === 'png') !== (logo.contentType === 'image/png')) return c.notFound();
    return c.body(new Uint8Array(logo.bytes), 200, {
      'content-type': logo.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
  return router;
}
