import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { PortalError } from '../../../../src/contract/errors.js';
import { errorResponse } from './errors.js';

/** The names every server answers to: it can always be reached on its own machine. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (what a dual-stack socket reports). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * DNS rebinding: a page on `evil.example` whose name is made to resolve to this machine talks to this
 * server as if it were its own origin, with `Host: evil.example`. Refusing every name that is not ours
 * (loopback names, PUBLIC_URL's host, ALLOWED_HOSTS) with 421 Misdirected Request stops it before any
 * route runs. Ports are not compared: the name is what an attacker controls.
 */
export function checkHost(allowedHosts: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const hostname = new URL(c.req.url).hostname.toLowerCase();
    if (!allowedHosts.has(hostname)) {
      return errorResponse(
        new PortalError('forbidden', 'this server does not answer to that host name'),
        421,
      );
    }
    await next();
  };
}

/**
 * Whether the request comes from this machine: the socket's peer is a loopback address and, when a
 * trusted proxy forwards requests (`trustProxy`), so is every client it names in X-Forwarded-For. A proxy
 * on the same machine would otherwise make every visitor look local.
 */
export function isLocalRequest(c: Context, trustProxy: boolean): boolean {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  if (!isLoopbackAddress(peer)) return false;
  const forwarded = trustProxy ? c.req.header('x-forwarded-for') : undefined;
  return forwarded === undefined || forwarded.split(',').every((each) => isLoopbackAddress(each.trim()));
}

/** Development and test routes: answered only from this machine, as if absent (404) for anyone else. */
export function localOnly(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!isLocalRequest(c, trustProxy)) {
      return errorResponse(new PortalError('not_found', 'no such endpoint'));
    }
    await next();
  };
}
