import type { BillingInterval } from '../model/index.js';

/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, in UTC: billing periods, trial ends, due dates. Months keep
 * their day where they can and clamp to the month's last day where they cannot (Jan 31 + 1 month is
 * Feb 28, or Feb 29 in a leap year), so a monthly plan never skips a month.
 */

export { isoToday } from '../model/dates.js';

export function addDays(date: string, days: number): string {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const result = new Date(`${date}T00:00:00Z`);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result.toISOString().slice(0, 10);
}

/** The end of `count` billing intervals starting on `date`. */
export function addInterval(date: string, interval: BillingInterval, count: number): string {
  if (interval === 'day') return addDays(date, count);
  if (interval === 'week') return addDays(date, 7 * count);
  return addMonths(date, interval === 'month' ? count : 12 * count);
}
