import type { StaffSession } from '../../../../src/model/index.js';
import type { Queryable } from '../db/database.js';
import { isoInstant } from '../store/rows.js';
import { hashToken, randomToken } from './secrets.js';

/**
 * The merchant's staff and their console sessions: server-side rows (only the SHA-256 of the cookie's
 * value is stored), so signing out, locking a member of staff or deleting a row ends a session at once.
 * Console sessions end after 8 hours without a request and after 24 hours whatever happens: shorter than
 * a customer's, since they can change every customer's access.
 */
export const STAFF_IDLE_MS = 8 * 60 * 60 * 1000;
export const STAFF_ABSOLUTE_MS = 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locked: boolean;
}

interface StaffRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locked: boolean;
}

const toMember = (row: StaffRow): StaffMember => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  locked: row.locked,
});

export async function findStaffByEmail(q: Queryable, email: string): Promise<StaffMember | undefined> {
  const { rows } = await q.query<StaffRow>(
    'SELECT id, email, name, password_hash, locked FROM staff WHERE lower(email) = lower($1)',
    [email],
  );
  return rows[0] && toMember(rows[0]);
}

export async function insertStaff(
  q: Queryable,
  member: Omit<StaffMember, 'locked'>,
  now: Date,
): Promise<void> {
  await q.query(
    'INSERT INTO staff (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
    [member.id, member.email, member.name, member.passwordHash, now],
  );
}

/** A member of staff as the staff tool lists them (`admin/staff-cli.ts`). */
export interface StaffListing {
  email: string;
  name: string;
  locked: boolean;
  createdAt: Date;
  /** When their newest session still kept began: signing out and expiry delete sessions, and with them this. */
  lastSignInAt: Date | null;
}

export async function listStaff(q: Queryable): Promise<StaffListing[]> {
  const { rows } = await q.query<{
    email: string;
    name: string;
    locked: boolean;
    created_at: Date;
    last_sign_in_at: Date | null;
  }>(
    `SELECT s.email, s.name, s.locked, s.created_at, max(t.created_at) AS last_sign_in_at
       FROM staff s LEFT JOIN staff_sessions t ON t.staff_id = s.id
      GROUP BY s.id ORDER BY s.seq`,
  );
  return rows.map((row) => ({
    email: row.email,
    name: row.name,
    locked: row.locked,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  }));
}

export async function setStaffPassword(q: Queryable, staffId: string, passwordHash: string): Promise<void> {
  await q.query('UPDATE staff SET password_hash = $2 WHERE id = $1', [staffId, passwordHash]);
}

/** A locked member cannot sign in, and `resolveStaffSession` refuses their sessions. */
export async function setStaffLocked(q: Queryable, staffId: string, locked: boolean): Promise<void> {
  await q.query('UPDATE staff SET locked = $2 WHERE id = $1', [staffId, locked]);
}

/** Ends every console session of a member at once; answers how many there were. */
export async function endStaffSessions(q: Queryable, staffId: string): Promise<number> {
  return (await q.query('DELETE FROM staff_sessions WHERE staff_id = $1', [staffId])).rowCount;
}

/**
 * Deletes a member of staff; their sessions must be gone first (`endStaffSessions`, same transaction, after
 * `lockStaffRow`, so that no sign-in adds one in between and the foreign key cannot refuse this).
 */
export async function deleteStaff(q: Queryable, staffId: string): Promise<void> {
  await q.query('DELETE FROM staff WHERE id = $1', [staffId]);
}

/**
 * Inside a sign-in's transaction, once the password was checked against `passwordHash`: true while the
 * member still has that hash and is not locked, and their row then stays so until the transaction ends
 * (FOR SHARE). The check ran on a hash read before a slow scrypt; a `staff password`, `lock` or `remove`
 * that committed meanwhile must not leave a session made with what it replaced (admin/staff-cli.ts locks
 * the row the same way, so neither can slip between the other's steps).
 */
export async function holdStaffIfUnchanged(
  q: Queryable,
  staffId: string,
  passwordHash: string,
): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM staff WHERE id = $1 AND password_hash = $2 AND NOT locked FOR SHARE',
    [staffId, passwordHash],
  );
  return rows.length === 1;
}

/** Locks a member's row for a change that ends their sessions: no sign-in can add one until it commits. */
export async function lockStaffRow(q: Queryable, staffId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM staff WHERE id = $1 FOR UPDATE', [staffId]);
  return rows.length === 1;
}

export interface StaffAuth {
  tokenHash: string;
  staff: StaffMember;
  expiresAt: Date;
}

export async function createStaffSession(
  q: Queryable,
  staffId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + STAFF_IDLE_MS);
  await q.query(
    `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, absolute_expires_at)
     VALUES ($1, $2, $3, $3, $4, $5)`,
    [hashToken(token), staffId, now, expiresAt, new Date(now.getTime() + STAFF_ABSOLUTE_MS)],
  );
  return { token, expiresAt };
}

/** The live session behind a cookie value (sliding its idle expiry), or null; a locked member has none. */
export async function resolveStaffSession(q: Queryable, token: string, now: Date): Promise<StaffAuth | null> {
  const tokenHash = hashToken(token);
  const { rows } = await q.query<
    StaffRow & { last_seen_at: Date; expires_at: Date; absolute_expires_at: Date }
  >(
    `SELECT s.id, s.email, s.name, s.password_hash, s.locked, t.last_seen_at, t.expires_at, t.absolute_expires_at
       FROM staff_sessions t JOIN staff s ON s.id = t.staff_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.expires_at.getTime() <= now.getTime()) {
    await q.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
    return null;
  }
  if (row.locked) return null;
  let expiresAt = row.expires_at;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    expiresAt = new Date(Math.min(now.getTime() + STAFF_IDLE_MS, row.absolute_expires_at.getTime()));
    await q.query('UPDATE staff_sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [
      tokenHash,
      now,
      expiresAt,
    ]);
  }
  return { tokenHash, staff: toMember(row), expiresAt };
}

export async function deleteStaffSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
}

export function toStaffSession(staff: StaffMember, expiresAt: Date): StaffSession {
  return { staffId: staff.id, email: staff.email, name: staff.name, expiresAt: isoInstant(expiresAt) };
}
