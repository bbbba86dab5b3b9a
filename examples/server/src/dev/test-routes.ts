import { Hono } from 'hono';
import * as z from 'zod/mini';
import { PortalError, validationError } from '../../../../src/contract/errors.js';
import type { AppContext } from '../context.js';
import { localOnly } from '../http/hosts.js';
import { resetDatabase } from '../db/seed.js';
import { readJsonBody } from '../http/request.js';
import { sendExpiryReminders } from '../jobs/expiry-reminders.js';
import { runRenewals } from '../jobs/renewals.js';
import { TestGateway } from '../payments/gateway.js';

const ClockChange = z.object({
  /** Move the clock to this instant… */
  now: z.optional(z.iso.datetime({ offset: true })),
  /** …or this many seconds forward from where it is. */
  advanceSeconds: z.optional(z.number()),
});

async function clockChange(body: unknown) {
  const result = z.safeParse(ClockChange, await body);
  if (!result.success) throw validationError(result.error, 'clock');
  return result.data;
}

/**
 * Test mode only (`createApp({ testMode: true })`, never from the environment): lets a test suite start
 * every case from the demo snapshot, move the clock for expiry tests and run the daily jobs on demand.
 */
export function testRouter(app: AppContext): Hono {
  const router = new Hono();
  // Like the outbox: only from this machine, even in test mode.
  router.use('*', localOnly(app.deps.trustProxy));
  /** Empties every table, seeds the demo data again and, with `now`, sets the clock (else real time). */
  router.post('/reset', async (c) => {
    const change = await clockChange(readJsonBody(c));
    await app.drain();
    app.setClock(change.now ? new Date(change.now) : null);
    await resetDatabase(app.db, app.now());
    if (app.deps.gateway instanceof TestGateway) app.deps.gateway.reset();
    return c.body(null, 204);
  });
  router.post('/clock', async (c) => {
    const change = await clockChange(readJsonBody(c));
    if (change.now) app.setClock(new Date(change.now));
    else if (change.advanceSeconds !== undefined) {
      app.setClock(new Date(app.now().getTime() + change.advanceSeconds * 1000));
    } else {
      throw new PortalError('validation', 'send now or advanceSeconds', {
        fieldErrors: [{ path: 'now', code: 'required' }],
      });
    }
    return c.json({ now: app.now().toISOString() });
  });
  /**
   * Runs now, by the (test) clock, what the daily schedule runs; answers how many emails the reminder job
   * queued and what the renewal job did (invoices issued, declined, cancellations applied).
   */
  router.post('/daily-jobs', async (c) => {
    const expiryReminders = await sendExpiryReminders(app);
    const renewals = await runRenewals(app);
    return c.json({ expiryReminders, renewals });
  });
  return router;
}
