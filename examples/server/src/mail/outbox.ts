import { newId } from '../auth/secrets.js';
import type { Database, Queryable } from '../db/database.js';
import type { Mailer, OutgoingMail } from './mailer.js';

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

const MAX_ATTEMPTS = 5;

/**
 * Emails are written to the outbox inside the transaction that decided to send them (a rolled-back
 * sign-up sends nothing) and delivered after the response by `deliverPending`.
 */
export async function queueEmail(
  tx: Queryable,
  mail: OutgoingMail & { kind: string },
  now: Date,
): Promise<void> {
  await tx.query(
    'INSERT INTO outbox (id, to_address, subject, body, kind, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [newId('mail'), mail.to, mail.subject, mail.text, mail.kind, now],
  );
}

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  created_at: Date;
  sent_at: Date | null;
  error: string | null;
}

/**
 * Sends what is waiting. Rows are claimed first (SKIP LOCKED) so concurrent runs, in this process or
 * another, never send one email twice; a failed send is released for a later run, up to 5 attempts.
 * `redactAfterSend` blanks the body once delivered, so links and temporary passwords do not stay in
 * the database in production.
 */
export async function deliverPending(
  db: Database,
  mailer: Mailer,
  options: { now: () => Date; redactAfterSend: boolean },
): Promise<number> {
  const claimed = await db.query<OutboxRow>(
    `UPDATE outbox SET claimed_at = $1, attempts = attempts + 1
      WHERE id IN (SELECT id FROM outbox
                    WHERE sent_at IS NULL AND claimed_at IS NULL AND attempts < $2
                    ORDER BY seq LIMIT 20 FOR UPDATE SKIP LOCKED)
      RETURNING id, to_address, subject, body, kind, created_at, sent_at, error`,
    [options.now(), MAX_ATTEMPTS],
  );
  let sent = 0;
  for (const row of claimed.rows) {
    try {
      await mailer.send({ to: row.to_address, subject: row.subject, text: row.body });
      await db.query(
        `UPDATE outbox SET sent_at = $2, error = NULL${options.redactAfterSend ? ", body = '(sent; body removed)'" : ''}
          WHERE id = $1`,
        [row.id, options.now()],
      );
      sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`email ${row.id} (${row.kind}) not sent: ${message}`);
      await db.query('UPDATE outbox SET claimed_at = NULL, error = $2 WHERE id = $1', [
        row.id,
        message.slice(0, 500),
      ]);
    }
  }
  return sent;
}

/** The newest `limit` emails, oldest first; only those to `to` (case-insensitive) when given. */
export async function listOutbox(
  db: Queryable,
  options: { to?: string; limit?: number } = {},
): Promise<OutboxEmail[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT id, to_address, subject, body, kind, created_at, sent_at, error
       FROM outbox WHERE ($1::text IS NULL OR lower(to_address) = lower($1::text))
      ORDER BY seq DESC LIMIT $2`,
    [options.to ?? null, options.limit ?? 200],
  );
  return rows.reverse().map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.body,
    kind: row.kind,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    error: row.error,
  }));
}
