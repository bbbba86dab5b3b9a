import * as z from 'zod/mini';
import { DEMO_SETTINGS, createDemoData } from '../../adapters/demo/demo-data.js';
import type { RequestOptions } from '../../contract/adapter.js';
import {
  type ConsoleAdapter,
  type ConsoleFile,
  type ConsoleOperationName,
  consoleOperations,
} from '../../contract/console-operations.js';
import { PortalError, validationError } from '../../contract/errors.js';
import type { Operation } from '../../contract/operation-schemas.js';
import {
  type AccessLogEntry,
  type AccessLogExport,
  type AccessLogPage,
  type AccessLogQuery,
  type AccessRule,
  type CustomerAccessPage,
  type CustomerAccessState,
  type CustomerQuery,
  LOGO_MAX_BYTES,
  type ListedAccessRule,
  type LogoUpload,
  type NewAccessRule,
  type PortalSettings,
  type PreviewGrant,
  type StaffSession,
  type StaffSignIn,
} from '../../model/index.js';
import {
  ACCESS_LOG_CSV_FILE_NAME,
  accessLogCsv,
  matchesAccessLogFilters,
} from '../../rules/access-log-csv.js';
import {
  LOCKOUT_FAILURES,
  LOCKOUT_MINUTES,
  accountLocked,
  assertNoOverlap,
  badCredentials,
  normalizeEmail,
} from '../../rules/access.js';
import { toCustomerAccessState } from '../../rules/customer-access.js';
import { invalidField, notFound, rateLimited, unauthorized } from '../../rules/errors.js';
import { toCancellation } from '../../rules/mappers.js';
import type { CustomerRecord, SubscriptionRecord } from '../../rules/records.js';
import { requireConsistentSettings } from '../../rules/settings.js';
import { DEMO_STAFF, type StaffRecord, demoAccessLog, extraCustomers } from './console-memory-data.js';

export interface ConsoleMemoryAdapterOptions {
  /** Starts signed in as the demo staff member (stories and tests of one section). Default false. */
  signedIn?: boolean;
  /** Settings to start from; default the demo merchant's. */
  settings?: PortalSettings;
  /** Customers added after the four demo ones, for paging. Default 0. */
  extraCustomers?: number;
  /** Days of sign-in history. Default 30. */
  logDays?: number;
  /** The clock (tests). */
  now?: () => Date;
}

const DEFAULT_LIMIT = 20;
const SESSION_HOURS = 12;
const PREVIEW_MINUTES = 15;
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

type AnyCall = (input?: unknown, options?: RequestOptions) => Promise<unknown>;

/** One page of `items` after the item whose `key` is `cursor`, and the cursor of the next. */
function page<T>(items: readonly T[], key: (item: T) => string, cursor?: string, limit = DEFAULT_LIMIT) {
  const start = cursor === undefined ? 0 : items.findIndex((item) => key(item) === cursor) + 1;
  const slice = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { items: slice, nextCursor: more && slice.length > 0 ? key(slice[slice.length - 1]) : null };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/**
 * The whole console in memory, for stories and element tests: staff sign-in (the demo owner
 * `owner@northwind.example` with `northwind-console-demo`, as on the reference server; `former@northwind.example` is locked; five wrong
 * passwords in a row are rate limited for 15 minutes), the settings (checked by rules/settings.ts), the
 * logo as a data: URL, the demo customers with their portal states, search and paging, passwordless
 * access rules (overlaps refused by rules/access.ts), the access log with filters, paging and the CSV of
 * rules/access-log-csv.ts, and preview grants. Inputs are parsed by the contract's schemas and answers are
 * copies, as over HTTP.
 */
// Its methods are installed from the table (see the interface of the same name below).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ConsoleMemoryAdapter {
  readonly #now: () => Date;
  #settings: PortalSettings;
  readonly #customers: CustomerRecord[];
  #rules: AccessRule[];
  readonly #log: AccessLogEntry[];
  readonly #subscriptions: SubscriptionRecord[];
  #session: StaffSession | null = null;
  readonly #failures = new Map<string, { count: number; until: number }>();
  #nextId = 1;

  constructor(options: ConsoleMemoryAdapterOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    const demo = createDemoData(this.#now().toISOString().slice(0, 10));
    this.#settings = structuredClone(options.settings ?? DEMO_SETTINGS);
    this.#customers = [...demo.customers, ...extraCustomers(options.extraCustomers ?? 0)];
    this.#rules = demo.accessRules;
    this.#subscriptions = demo.subscriptions;
    this.#log = demoAccessLog(this.#now(), options.logDays ?? 30);
    if (options.signedIn) this.#session = this.#startSession(DEMO_STAFF[0]);
    const handlers = this.#handlers() as Record<ConsoleOperationName, (input: never) => unknown>;
    const self = this as unknown as Record<string, AnyCall>;
    for (const name of Object.keys(consoleOperations) as ConsoleOperationName[]) {
      const operation = consoleOperations[name] as Operation;
      const call = async (input: unknown, options?: RequestOptions) => {
        options?.signal?.throwIfAborted();
        let parsed: unknown;
        if (operation.input !== null) {
          const result = z.safeParse(operation.input, input);
          if (!result.success) throw validationError(result.error, name);
          parsed = result.data;
        }
        if (name !== 'staffSignIn' && name !== 'staffSession' && !this.#session) throw unauthorized();
        const output = await handlers[name](parsed as never);
        return output instanceof Blob ? output : structuredClone(output);
      };
      self[name] =
        operation.input === null
          ? (_input?: unknown, options?: RequestOptions) => call(undefined, options)
          : (input?: unknown, options?: RequestOptions) => call(input, options);
    }
  }

  /** The settings now (tests check what a save did). */
  get settings(): PortalSettings {
    return structuredClone(this.#settings);
  }

  #startSession(staff: StaffRecord): StaffSession {
    const expiresAt = new Date(this.#now().getTime() + SESSION_HOURS * 3_600_000).toISOString();
    return { staffId: staff.id, email: staff.email, name: staff.name, expiresAt };
  }

  #signIn(input: StaffSignIn): StaffSession {
    const email = normalizeEmail(input.email);
    const now = this.#now().getTime();
    const failures = this.#failures.get(email);
    if (failures && failures.until > now) throw rateLimited(Math.ceil((failures.until - now) / 1000));
    const staff = DEMO_STAFF.find((each) => each.email === email);
    if (!staff || staff.password !== input.password) {
      const count = (failures?.count ?? 0) + 1;
      const until = count >= LOCKOUT_FAILURES ? now + LOCKOUT_MINUTES * 60_000 : 0;
      this.#failures.set(email, { count: until ? 0 : count, until });
      throw badCredentials();
    }
    this.#failures.delete(email);
    if (staff.locked) throw accountLocked();
    this.#session = this.#startSession(staff);
    return this.#session;
  }

  #customer(customerId: string): CustomerRecord {
    const customer = this.#customers.find((each) => each.id === customerId);
    if (!customer) throw notFound('customer');
    return customer;
  }

  #state(customer: CustomerRecord): CustomerAccessState {
    const lastSignIn = this.#log.find((entry) => entry.success && entry.customerCode === customer.code);
    return toCustomerAccessState({
      customerId: customer.id,
      customerCode: customer.code,
      name: customer.name,
      email: customer.email,
      locked: customer.locked,
      hasPassword: customer.password !== undefined,
      passwordIsTemporary: customer.passwordIsTemporary,
      ...(lastSignIn ? { lastSignInAt: lastSignIn.at } : {}),
    });
  }

  #customerPage(query: CustomerQuery): CustomerAccessPage {
    const needle = query.search?.trim().toLowerCase() ?? '';
    const matching = [...this.#customers]
      .sort((a, b) => a.code.localeCompare(b.code))
      .filter((each) =>
        [each.code, each.name, each.email].some((text) => text.toLowerCase().includes(needle)),
      );
    const found = page(matching, (each) => each.code, query.cursor, query.limit);
    return { items: found.items.map((each) => this.#state(each)), nextCursor: found.nextCursor };
  }

  #logs(query: AccessLogQuery): AccessLogPage {
    const matching = this.#log.filter((entry) => matchesAccessLogFilters(entry, query));
    return page(matching, (entry) => entry.id, query.cursor, query.limit);
  }

  #export(query: AccessLogExport): ConsoleFile {
    const csv = accessLogCsv(this.#log.filter((entry) => matchesAccessLogFilters(entry, query)));
    return { fileName: ACCESS_LOG_CSV_FILE_NAME, blob: new Blob([csv], { type: 'text/csv' }) };
  }

  #listedRules(): ListedAccessRule[] {
    return this.#rules.map((rule) => ({ ...rule, customerCode: this.#customer(rule.customerId).code }));
  }

  #addRule(input: NewAccessRule): AccessRule {
    this.#customer(input.customerId);
    assertNoOverlap(this.#rules, input);
    const rule: AccessRule = {
      ...input,
      value: input.value.toLowerCase(),
      id: `rule_console_${this.#nextId++}`,
    };
    this.#rules = [...this.#rules, rule];
    return rule;
  }

  #uploadLogo(input: LogoUpload): PortalSettings {
    const bytes = Uint8Array.from(atob(input.data), (char) => char.charCodeAt(0));
    if (bytes.length > LOGO_MAX_BYTES)
      throw invalidField('data', 'the logo is larger than 2 MB', 'too_large');
    const magic = input.contentType === 'image/png' ? PNG : JPEG;
    if (bytes.length === 0 || !startsWith(bytes, magic)) {
      throw invalidField(
        'data',
        `the file is not a ${input.contentType === 'image/png' ? 'PNG' : 'JPEG'} image`,
      );
    }
    this.#settings.branding.logoUrl = `data:${input.contentType};base64,${input.data}`;
    return this.#settings;
  }

  #handlers() {
    return {
      staffSignIn: (input: StaffSignIn) => this.#signIn(input),
      staffSession: () => this.#session,
      staffSignOut: () => {
        this.#session = null;
      },
      adminGetSettings: () => this.#settings,
      adminUpdateSettings: (input: PortalSettings) => {
        requireConsistentSettings(input);
        this.#settings = input;
        return this.#settings;
      },
      adminListCustomers: (input: CustomerQuery) => this.#customerPage(input),
      adminLockCustomer: ({ customerId }: { customerId: string }) => {
        const customer = this.#customer(customerId);
        customer.locked = true;
        return this.#state(customer);
      },
      adminUnlockCustomer: ({ customerId }: { customerId: string }) => {
        const customer = this.#customer(customerId);
        customer.locked = false;
        return this.#state(customer);
      },
      adminSendActivation: ({ customerId }: { customerId: string }) => {
        const customer = this.#customer(customerId);
        if (customer.locked) throw new PortalError('conflict', 'unlock the customer before activating them');
        customer.password = 'temp-password-123';
        customer.passwordIsTemporary = true;
      },
      adminListAccessLogs: (input: AccessLogQuery) => this.#logs(input),
      adminExportAccessLogs: (input: AccessLogExport) => this.#export(input),
      adminListAccessRules: () => this.#listedRules(),
      adminAddAccessRule: (input: NewAccessRule) => this.#addRule(input),
      adminRemoveAccessRule: ({ id }: { id: string }) => {
        if (!this.#rules.some((rule) => rule.id === id)) throw notFound('access rule');
        this.#rules = this.#rules.filter((rule) => rule.id !== id);
      },
      adminPreviewCustomer: ({ customerId }: { customerId: string }): PreviewGrant => {
        this.#customer(customerId);
        const expiresAt = new Date(this.#now().getTime() + PREVIEW_MINUTES * 60_000).toISOString();
        return { token: `preview_${crypto.randomUUID()}`, expiresAt, customerId };
      },
      adminUploadLogo: (input: LogoUpload) => this.#uploadLogo(input),
      adminRemoveLogo: () => {
        delete this.#settings.branding.logoUrl;
        return this.#settings;
      },
      adminListCancellations: () =>
        this.#subscriptions.flatMap((each) => {
          const code = this.#customer(each.customerId).code;
          return toCancellation(each, code, this.#settings) ?? [];
        }),
    } satisfies Record<ConsoleOperationName, (input: never) => unknown>;
  }
}

// The methods are installed from the table in the constructor; this tells TypeScript they are there.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ConsoleMemoryAdapter extends ConsoleAdapter {}
