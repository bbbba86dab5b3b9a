import * as z from 'zod/mini';
import { StaffSession, StaffSignIn } from '../model/index.js';
import type { RequestOptions } from './adapter.js';
import {
  type AdminOperationName,
  SERVER_ONLY_ADMIN_OPERATIONS,
  adminOperations,
} from './admin-operations.js';
import type { Operation } from './operation-schemas.js';

/**
 * The merchant console's HTTP contract: what a signed-in member of the merchant's staff may do from a
 * browser. Served under `/merchant/api` with a cookie session scoped to `/merchant` (never the secret
 * key, which stays with the merchant's backend).
 *
 * It is the staff's own sign-in plus every admin operation except the server-to-server ones, at the same
 * path with `/admin` replaced by `/merchant/api`: one handler and one schema per operation, two doors.
 */
export const staffOperations = {
  staffSignIn: {
    input: StaffSignIn,
    output: StaffSession,
    http: { verb: 'POST', path: '/merchant/api/session' },
    summary: 'Staff sign-in with email and password (same lockout and rate limits as customers)',
  },
  staffSession: {
    input: null,
    output: z.nullable(StaffSession),
    http: { verb: 'GET', path: '/merchant/api/session' },
    summary: 'The staff member signed in to the console, or null',
  },
  staffSignOut: {
    input: null,
    output: null,
    http: { verb: 'DELETE', path: '/merchant/api/session' },
    summary: 'End the console session',
  },
} as const satisfies Record<string, Operation>;

export type StaffOperationName = keyof typeof staffOperations;
export type ConsoleAdminOperationName = Exclude<
  AdminOperationName,
  (typeof SERVER_ONLY_ADMIN_OPERATIONS)[number]
>;
export type ConsoleOperationName = StaffOperationName | ConsoleAdminOperationName;

type ConsoleOps = typeof staffOperations & Pick<typeof adminOperations, ConsoleAdminOperationName>;

/** The admin path an admin operation has in the console: `/admin/x` → `/merchant/api/x`. */
export function consolePath(adminPath: string): string {
  return `/merchant/api${adminPath.slice('/admin'.length)}`;
}

function consoleAdminOperations(): Pick<typeof adminOperations, ConsoleAdminOperationName> {
  const serverOnly: readonly string[] = SERVER_ONLY_ADMIN_OPERATIONS;
  const entries = Object.entries(adminOperations as Record<string, Operation>)
    .filter(([name]) => !serverOnly.includes(name))
    .map(([name, op]) => [name, { ...op, http: { ...op.http, path: consolePath(op.http.path) } }]);
  return Object.fromEntries(entries) as Pick<typeof adminOperations, ConsoleAdminOperationName>;
}

export const consoleOperations: ConsoleOps = { ...staffOperations, ...consoleAdminOperations() };

/** A file the console downloads (the access-log CSV). */
export interface ConsoleFile {
  fileName: string;
  blob: Blob;
}

type InputOf<O> = O extends { input: infer I } ? (I extends z.core.$ZodType ? z.input<I> : undefined) : never;
type OutputOf<O> = O extends { output: infer R }
  ? R extends z.core.$ZodType
    ? z.infer<R>
    : R extends 'csv'
      ? ConsoleFile
      : void
  : never;

/**
 * The seam between the console's elements and the merchant's backend: one method per console operation,
 * named as in the table. `ConsoleHttpAdapter` speaks the HTTP contract; `ConsoleMemoryAdapter` keeps
 * everything in memory for stories and element tests.
 */
export type ConsoleAdapter = {
  [K in ConsoleOperationName]: InputOf<ConsoleOps[K]> extends undefined
    ? (input?: undefined, options?: RequestOptions) => Promise<OutputOf<ConsoleOps[K]>>
    : (input: InputOf<ConsoleOps[K]>, options?: RequestOptions) => Promise<OutputOf<ConsoleOps[K]>>;
};
