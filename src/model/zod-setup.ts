import * as z from 'zod/mini';

/**
 * Strict Content-Security-Policies forbid eval. zod probes for it with `new Function` when the first
 * object schema is built, and a strict CSP reports that probe as a violation even though zod catches it.
 * Turning the JIT off before any schema exists keeps the portal silent under CSP. Every module that builds
 * schemas imports this file first; zod's config is global, so an app sharing our zod copy parses without
 * JIT too (slightly slower, never wrong).
 */
z.config({ jitless: true });
