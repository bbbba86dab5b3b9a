import * as z from 'zod/mini';
import { AccessLogEntry, CustomerAccessState } from './admin.js';
import { Email, Id, IsoDate, IsoDateTime, Page, Password, ShortText, StorableText } from './common.js';

/**
 * The merchant console's own model: staff sign-in, and the paged, filtered views of customers and access
 * logs the console shows. The merchant's backend reaches the same views with its secret key.
 */

export const StaffSignIn = z.object({ email: Email, password: Password });
export type StaffSignIn = z.infer<typeof StaffSignIn>;

/** A member of the merchant's staff signed in to the console (a cookie session scoped to `/merchant`). */
export const StaffSession = z.object({
  staffId: Id,
  email: Email,
  name: ShortText,
  expiresAt: IsoDateTime,
});
export type StaffSession = z.infer<typeof StaffSession>;

/** How many rows one page of a console list holds, at most. */
const Limit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)));
const Cursor = z.optional(StorableText.check(z.maxLength(200)));

/** Search (code, name or email, case-insensitive, contains) and keyset paging over the customers. */
export const CustomerQuery = z.object({
  search: z.optional(ShortText),
  cursor: Cursor,
  limit: Limit,
});
export type CustomerQuery = z.infer<typeof CustomerQuery>;

export const CustomerAccessPage = Page(CustomerAccessState);
export type CustomerAccessPage = z.infer<typeof CustomerAccessPage>;

/** The access log's filters: result, a customer (code or email, contains) and an inclusive date range. */
export const AccessLogQuery = z.object({
  result: z.optional(z.enum(['success', 'failure'])),
  customer: z.optional(ShortText),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  cursor: Cursor,
  limit: Limit,
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

/** The same filters without paging: the CSV export holds every matching row. */
export const AccessLogExport = z.object({
  result: AccessLogQuery.shape.result,
  customer: AccessLogQuery.shape.customer,
  from: AccessLogQuery.shape.from,
  to: AccessLogQuery.shape.to,
});
export type AccessLogExport = z.infer<typeof AccessLogExport>;

export const AccessLogPage = Page(AccessLogEntry);
export type AccessLogPage = z.infer<typeof AccessLogPage>;

/** A logo as uploaded: JPG or PNG, at most 2 MB before base64. The server checks, re-encodes and serves it. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LogoUpload = z.object({
  contentType: z.enum(['image/png', 'image/jpeg']),
  /** The file's bytes, base64 (standard alphabet, padded); longer than 2 MB: field error `too_large`. */
  data: z
    .string()
    .check(z.maxLength(Math.ceil(LOGO_MAX_BYTES / 3) * 4, 'too_large'), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
export type LogoUpload = z.infer<typeof LogoUpload>;

/**
 * A preview of the portal as one customer sees it: a session token for that customer marked `preview`
 * (read-only: every mutation is refused; not logged as the customer's sign-in).
 */
export const PreviewGrant = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  customerId: Id,
});
export type PreviewGrant = z.infer<typeof PreviewGrant>;
