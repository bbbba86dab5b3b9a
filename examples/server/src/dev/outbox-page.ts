import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { localOnly } from '../http/hosts.js';
import { type OutboxEmail, listOutbox } from '../mail/outbox.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** Email text as HTML: everything escaped, and http(s) URLs made into links (so magic links are clickable). */
export function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    html += escapeHtml(text.slice(last, index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}">${url}</a>`;
    last = index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

function page(emails: readonly OutboxEmail[]): string {
  const items = [...emails]
    .reverse()
    .map(
      (email) => `<article>
  <h2>${escapeHtml(email.subject)}</h2>
  <p class="meta">To <strong>${escapeHtml(email.to)}</strong> · ${escapeHtml(email.createdAt)} · ${escapeHtml(email.kind)}${
    email.sentAt ? '' : ' · not delivered yet'
  }</p>
  <pre>${linkify(email.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outbox · Portal Elements reference server</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 50rem; padding: 0 1rem; color: #1f2933; }
  article { border: 1px solid #d2d6dc; border-radius: 8px; padding: 0 1rem 1rem; margin-block: 1rem; }
  h2 { font-size: 1.05rem; margin-block: 1rem 0; }
  .meta { color: #52606d; margin-block: 0.25rem 0.75rem; }
  pre { white-space: pre-wrap; word-break: break-word; font: inherit; margin: 0; }
</style>
</head>
<body>
<h1>Outbox</h1>
<p>Every email the server sent, newest first (development only). JSON: <a href="/dev/outbox.json">/dev/outbox.json</a>.</p>
${items || '<p>No emails yet.</p>'}
</body>
</html>`;
}

/**
 * Development only: the outbox as a page for people and as JSON for tests (`?to=` filters by address).
 * It shows every magic link, reset link and temporary password, so it answers only on this machine.
 */
export function devRouter(app: AppContext): Hono {
  const router = new Hono();
  router.use('*', localOnly(app.deps.trustProxy));
  // Emails queued by work that runs after a response (magic links, resets) are waited for, so the
  // outbox read after a request shows what that request sent.
  router.use('*', async (_, next) => {
    await app.drain();
    await next();
  });
  router.get('/outbox', async (c) => {
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    c.header('cache-control', 'no-store');
    return c.html(page(await listOutbox(app.db)));
  });
  router.get('/outbox.json', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await listOutbox(app.db, { to: c.req.query('to') }));
  });
  return router;
}
