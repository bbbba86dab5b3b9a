import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Customer } from '../../../src/model/index.js';
import { loadMigrations } from '../src/db/migrate.js';
import { dropSchema } from '../src/db/postgres.js';
import { startServer } from '../src/server.js';
import { Client, MERCHANT_SECRET } from './helpers.js';

async function changeThenRestart(options: { dataDir?: string; databaseUrl?: string; schema?: string }) {
  const common = { port: 0, hostname: '127.0.0.1', merchantSecret: MERCHANT_SECRET, ...options };
  const first = await startServer(common);
  const ada = new Client(first.url);
  await ada.signIn();
  const changed = await ada.request<Customer>('PATCH', '/portal-api/customer', {
    json: { phone: '+44 20 7946 0000' },
  });
  assert.equal(changed.status, 200);
  const paid = await ada.post('/portal-api/invoices/inv_ada_1009/payments', {
    invoiceId: 'inv_ada_1009',
    idempotencyKey: 'persisted-payment-key-1',
    allocations: [{ paymentMethodId: 'pm_ada_visa', amount: { amount: 1234, currency: 'USD' } }],
  });
  assert.equal(paid.status, 200);
  await first.close();

  const second = await startServer(common);
  try {
    const again = new Client(second.url);
    await again.signIn();
    assert.equal(
      (await again.get<Customer>('/portal-api/customer')).body.phone,
      '+44 20 7946 0000',
      'still changed',
    );
    const invoice = await again.get<{ amountPaid: { amount: number } }>('/portal-api/invoices/inv_ada_1009');
    assert.equal(invoice.body.amountPaid.amount, 1234, 'the payment survived and the seed did not run again');
    const migrations = await second.db.query<{ version: number }>('SELECT version FROM schema_migrations');
    assert.deepEqual(
      migrations.rows,
      loadMigrations().map(({ version }) => ({ version })),
      'each migration applied once',
    );
  } finally {
    await second.close();
  }
}

describe('persistence', () => {
  it('keeps data across a restart in a PGlite folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-pglite-'));
    try {
      await changeThenRestart({ dataDir: join(dir, 'db') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    it('keeps data across a restart on PostgreSQL', async () => {
      const schema = `portal_restart_${randomBytes(5).toString('hex')}`;
      try {
        await changeThenRestart({ databaseUrl, schema });
      } finally {
        await dropSchema(databaseUrl, schema);
      }
    });
  }
});
