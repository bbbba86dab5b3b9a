import type { AccessLogEntry } from '../../../../src/model/index.js';
import type { Queryable } from '../db/database.js';
import { newId } from './secrets.js';

export interface AccessAttempt {
  success: boolean;
  method: AccessLogEntry['method'];
  /** What the person typed (or the account's address); never a password or token. */
  email: string;
  ip: string;
  customerCode?: string;
  reason?: string;
}

/** One row per sign-in attempt, successful or not (ASVS V16.3.1), as the merchant's access log. */
export async function logAccess(q: Queryable, attempt: AccessAttempt, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO access_logs (id, at, success, method, email, ip, customer_code, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      newId('log'),
      now,
      attempt.success,
      attempt.method,
      attempt.email.slice(0, 200),
      attempt.ip.slice(0, 200),
      attempt.customerCode ?? null,
      attempt.reason ?? null,
    ],
  );
}
