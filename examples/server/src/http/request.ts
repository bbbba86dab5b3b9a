import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { PortalError } from '../../../../src/contract/errors.js';

/**
 * The client's address: the socket's peer, or with `trustProxy` the last X-Forwarded-For entry (the one
 * our single trusted proxy appended; anything left of it is client-supplied and could be forged).
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * The JSON body of a request, `{}` when there is none. A body in any other content type is refused: it is
 * what a cross-site HTML form can send, and accepting it would undo the CSRF defence (see README). Its
 * size was bounded in bytes while it streamed in (body-limit.ts), before this reads it.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new PortalError('forbidden', 'request bodies must be sent as application/json');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PortalError('validation', 'the request body is not valid JSON', {
      fieldErrors: [{ path: '', code: 'invalid' }],
    });
  }
}

export function isMutating(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : undefined;
}
