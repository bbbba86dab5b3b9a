import type { AccessLogEntry, AccessLogExport } from '../model/index.js';

/**
 * The access log as the merchant downloads it: CSV per RFC 4180 (CRLF line ends, a header line, fields
 * quoted when they hold a comma, quote or line break), written once for the reference server and the
 * console's memory adapter. A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return; OWASP's "CSV injection") gets a leading apostrophe, so it is shown as text.
 */

export const ACCESS_LOG_CSV_FILE_NAME = 'access-logs.csv';

const HEADER = ['at', 'result', 'method', 'email', 'ip', 'customer_code', 'reason'];

/** One cell: neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The whole file: the header, then one line per entry in the order given (newest first). */
export function accessLogCsv(entries: readonly AccessLogEntry[]): string {
  return (
    csvLine(HEADER) +
    entries
      .map((entry) =>
        csvLine([
          entry.at,
          entry.success ? 'success' : 'failure',
          entry.method,
          entry.email,
          entry.ip,
          entry.customerCode ?? '',
          entry.reason ?? '',
        ]),
      )
      .join('')
  );
}

/**
 * Whether an entry passes the access log's filters (the memory adapter's side; the reference server asks
 * the same in SQL): result, a customer code or email containing the text (case-insensitive), and an
 * inclusive range of UTC dates.
 */
export function matchesAccessLogFilters(entry: AccessLogEntry, filters: AccessLogExport): boolean {
  if (filters.result && entry.success !== (filters.result === 'success')) return false;
  if (filters.customer) {
    const needle = filters.customer.toLowerCase();
    const haystacks = [entry.email, entry.customerCode ?? ''].map((each) => each.toLowerCase());
    if (!haystacks.some((each) => each.includes(needle))) return false;
  }
  const day = new Date(entry.at).toISOString().slice(0, 10);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}
