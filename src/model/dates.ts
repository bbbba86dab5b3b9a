/** `YYYY-MM-DD` of today in UTC: the calendar due dates, billing periods and card expiry are checked against. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
