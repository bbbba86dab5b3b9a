import { cardExpiryReminderMail } from '../../../../src/rules/mail.js';
import { isExpiryReminderDue } from '../../../../src/rules/expiry-reminders.js';
import type { AppContext } from '../context.js';
import { queueEmail } from '../mail/outbox.js';
import { loadSettings } from '../store/catalog.js';
import { listUnremindedCards, recordReminder } from '../store/payment-methods.js';
import { runRenewals } from './renewals.js';

const HOUR_MS = 3_600_000;

/**
 * The daily expiry-reminder job: when the merchant's setting is on, emails each customer once per card,
 * 30 days before it expires (rules/expiry-reminders.ts), by the server's clock. Each card's reminder is
 * recorded in the transaction that queues its email, and the record's key makes a second run (or one in
 * another process at the same moment) send nothing. Answers how many emails it queued.
 */
export async function sendExpiryReminders(app: AppContext): Promise<number> {
  const settings = await loadSettings(app.db);
  if (!settings.paymentMethods.expiryReminders) return 0;
  const now = app.now();
  const today = app.today();
  const due = (await listUnremindedCards(app.db)).filter(({ card }) => isExpiryReminderDue(card, today));
  let queued = 0;
  for (const { card, email } of due) {
    const mail = cardExpiryReminderMail({
      merchant: settings.branding.merchantName,
      card,
      portalUrl: app.deps.publicUrl,
      taskLink: true,
    });
    const sent = await app.db.transaction(async (tx) => {
      if (!(await recordReminder(tx, card.id, now, today))) return false;
      await queueEmail(tx, { to: email, ...mail }, now);
      return true;
    });
    if (sent) queued += 1;
  }
  if (queued > 0) app.deliverMailSoon();
  return queued;
}

/**
 * Runs the daily jobs (these expiry reminders, and renewals: jobs/renewals.ts) once per day of the
 * server's clock: at once, then whenever an hourly check finds the day has changed (a clock moved in
 * test mode counts). The process that runs the server (main.ts)
 * starts it; `stop` ends it before shutdown.
 */
export function scheduleDailyJobs(app: AppContext, checkEveryMs = HOUR_MS): { stop(): void } {
  let lastDay: string | undefined;
  const check = () => {
    const today = app.today();
    if (today === lastDay) return;
    lastDay = today;
    app.runInBackground(sendExpiryReminders(app));
    app.runInBackground(runRenewals(app));
  };
  check();
  const timer = setInterval(check, checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
