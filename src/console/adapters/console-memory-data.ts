import type { AccessLogEntry } from '../../model/index.js';
import { DEMO_PASSWORD } from '../../adapters/demo/demo-data.js';
import type { CustomerRecord } from '../../rules/records.js';

/**
 * What the console's memory adapter holds beyond the customers' demo snapshot: the merchant's staff and a
 * history of sign-in attempts, made relative to `now` so "today" filters always find something.
 */

export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  password: string;
  locked: boolean;
}

/** The console's demo password, the same as the reference server's demo staff member's. */
export const DEMO_STAFF_PASSWORD = 'northwind-console-demo';

/** The demo merchant's staff: the reference server's owner, and one whose account is locked. */
export const DEMO_STAFF: readonly StaffRecord[] = [
  {
    id: 'staff_owner',
    email: 'owner@northwind.example',
    name: 'Nora Northwind',
    password: DEMO_STAFF_PASSWORD,
    locked: false,
  },
  {
    id: 'staff_locked',
    email: 'former@northwind.example',
    name: 'Felix Former',
    password: DEMO_STAFF_PASSWORD,
    locked: true,
  },
];

/** More customers than a page holds, for the customers section's paging (`Customer 0005` …). */
export function extraCustomers(count: number): CustomerRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 5;
    const code = `CUST-${String(n).padStart(4, '0')}`;
    return {
      id: `cus_extra_${n}`,
      code,
      name: `Customer ${String(n).padStart(4, '0')}`,
      email: `customer${n}@example.org`,
      currency: 'USD',
      passwordIsTemporary: false,
      locked: false,
      autoPay: false,
      ...(n % 3 === 0 ? {} : { password: DEMO_PASSWORD }),
    };
  });
}

const IPS = ['203.0.113.7', '198.51.100.23', '192.0.2.44'];

/**
 * Sign-in attempts over the last `days` days, newest first: Ada's successful sign-ins, Grace's links, the
 * locked account's refusals and an address nobody has.
 */
export function demoAccessLog(now: Date, days = 30): AccessLogEntry[] {
  const entries: AccessLogEntry[] = [];
  for (let day = 0; day < days; day += 1) {
    const at = (hour: number) => new Date(now.getTime() - day * 86_400_000 - hour * 3_600_000).toISOString();
    entries.push({
      id: `log_${day}_a`,
      at: at(1),
      success: true,
      method: 'password',
      email: 'ada@example.com',
      ip: IPS[day % IPS.length],
      customerCode: 'CUST-0001',
    });
    if (day % 2 === 0) {
      entries.push({
        id: `log_${day}_b`,
        at: at(2),
        success: true,
        method: 'magic_link',
        email: 'grace@example.net',
        ip: IPS[(day + 1) % IPS.length],
        customerCode: 'CUST-0002',
      });
    }
    if (day % 3 === 0) {
      entries.push({
        id: `log_${day}_c`,
        at: at(3),
        success: false,
        method: 'password',
        email: 'locked@example.com',
        ip: IPS[(day + 2) % IPS.length],
        customerCode: 'CUST-0004',
        reason: 'account_locked',
      });
    }
    if (day % 5 === 0) {
      entries.push({
        id: `log_${day}_d`,
        at: at(4),
        success: false,
        method: 'password',
        email: 'nobody@example.com',
        ip: IPS[day % IPS.length],
        reason: 'bad_credentials',
      });
    }
  }
  return entries;
}
