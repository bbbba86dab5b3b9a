import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { StaffSession } from '../../../../src/model/index.js';
import { type WithDatabase, runStaffCli } from '../../src/admin/staff-cli.js';
import { hashPassword } from '../../src/auth/passwords.js';
import type { Database, Queryable } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres.js';
import { DEMO_STAFF } from '../../src/db/seed.js';
import { type ErrorReply, useTestServer } from '../helpers.js';

/**
 * The console's sign-in and the staff tool on one PostgreSQL database, truly concurrent: a second
 * connection stands for the other side, holding its transaction open at the moment that matters. Runs in
 * the PostgreSQL step (run-postgres.sh), which provides DATABASE_URL.
 */
const DATABASE_URL = process.env.DATABASE_URL ?? '';
const server = useTestServer();
let other: Database;

/** Resolves once some statement on the database waits for a row lock. */
async function someoneWaitsForALock(): Promise<void> {
  for (;;) {
    const rows = await server.query(
      "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `first` in a transaction on the second connection and keeps it open until `commit()`. */
async function openTransaction(first: (tx: Queryable) => Promise<void>) {
  let commit!: () => void;
  const go = new Promise<void>((resolve) => (commit = resolve));
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const done = other.transaction(async (tx) => {
    await first(tx);
    ready();
    await go;
  });
  await started;
  return { commit: () => (commit(), done) };
}

const quiet = { write: () => true };

describe('console sign-in and the staff tool, concurrent on PostgreSQL', () => {
  before(async () => {
    assert.ok(DATABASE_URL, 'staff-races.test.ts needs DATABASE_URL (run it through run-postgres.sh)');
    const [{ schema }] = await server.query<{ schema: string }>('SELECT current_schema() AS schema');
    other = await openPostgres(DATABASE_URL, { schema });
  });
  after(() => other?.close());

  it('a sign-in checking the old password while `password` is uncommitted opens no session', async () => {
    const [{ id }] = await server.query<{ id: string }>('SELECT id FROM staff');
    const newHash = await hashPassword('a-brand-new-one');
    // The tool's transaction, up to just before its commit: new hash written, sessions ended.
    const tool = await openTransaction(async (tx) => {
      await tx.query('UPDATE staff SET password_hash = $2 WHERE id = $1', [id, newHash]);
      await tx.query('DELETE FROM staff_sessions WHERE staff_id = $1', [id]);
    });
    const client = server.client();
    const signIn = client.post<StaffSession | ErrorReply>('/merchant/api/session', {
      email: DEMO_STAFF.email,
      password: DEMO_STAFF.password,
    });
    await Promise.race([signIn, someoneWaitsForALock()]);
    await tool.commit();
    const reply = await signIn;
    assert.equal(reply.status, 401, reply.text);
    assert.equal((await client.get('/merchant/api/customers')).status, 401);
    assert.equal((await server.query('SELECT 1 FROM staff_sessions')).length, 0);
  });

  it('`remove` while a sign-in is inserting its session waits for it and ends it, without an error', async () => {
    const [{ id }] = await server.query<{ id: string }>('SELECT id FROM staff');
    // A sign-in's transaction, up to just before its commit: the session row inserted.
    const signIn = await openTransaction(async (tx) => {
      await tx.query(
        `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, absolute_expires_at)
         VALUES ('race', $1, now(), now(), now() + interval '1 hour', now() + interval '1 day')`,
        [id],
      );
    });
    let stderr = '';
    const io = { stdin: Readable.from([]), stdout: quiet, stderr: { write: (t: string) => (stderr += t) } };
    const onServerDb: WithDatabase = (fn) => fn(server.running.db);
    const removal = runStaffCli(['remove', DEMO_STAFF.email], io, onServerDb);
    await Promise.race([removal, someoneWaitsForALock()]);
    await signIn.commit();
    assert.equal(await removal, 0, stderr);
    assert.match(stderr, /Removed .*; 1 session ended/);
    assert.equal((await server.query('SELECT 1 FROM staff')).length, 0);
    assert.equal((await server.query('SELECT 1 FROM staff_sessions')).length, 0);
  });
});
