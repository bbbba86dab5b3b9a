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
