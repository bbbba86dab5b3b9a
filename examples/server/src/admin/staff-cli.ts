import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { Email, NewPassword, RequiredText } from '../../../../src/model/common.js';
import { normalizeEmail } from '../../../../src/rules/access.js';
import { hashPassword } from '../auth/passwords.js';
import {
  type StaffMember,
  deleteStaff,
  endStaffSessions,
  findStaffByEmail,
  insertStaff,
  listStaff,
  lockStaffRow,
  setStaffLocked,
  setStaffPassword,
} from '../auth/staff.js';
import { newId } from '../auth/secrets.js';
import { type PasswordSource, readPassword } from '../auth/staff-password-input.js';
import { clearSignInFailures } from '../auth/throttle.js';
import type { Database } from '../db/database.js';
import { migrate, migrationStatus } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';

/**
 * `npm run staff -- <command>`: creates and looks after the merchant console's staff, run on the server's
 * machine against its database (the server's own DATABASE_URL / DATA_DIR). Exit codes: 0 done, 1 refused
 * (with a message), 2 not understood. Messages go to stderr; `list` and `--help` write to stdout.
 */

export const USAGE = `Usage: npm run staff -- <command>

Looks after the merchant console's staff (who sign in at /merchant). It works on the server's own
database, configured the same way: DATABASE_URL, or else the PGlite folder DATA_DIR (default
.data/pglite). With PGlite, stop the server first: that database is one process's at a time.
It never migrates a database in use: when this checkout has migrations the database lacks, it
refuses (start the server of this checkout once to migrate it, then run it again). Only a fresh,
empty database is set up by it, so the first member can be added before the server ever ran.

Commands:
  add <email> --name "<name>"  Create a member of staff. The password is read from stdin: typed
                               twice without echo at a terminal, or the first line piped in
                               (never from the command line). The customers' rule applies:
                               at least 8 characters.
  password <email>             Set a new password (read the same way, once the address is known
                               to be staff's), end all their sessions and clear their failed
                               sign-in attempts (the lockout after too many wrong passwords).
  lock <email>                 Refuse their sign-ins and end all their sessions.
  unlock <email>               Allow their sign-ins again, and clear their failed sign-in
                               attempts (the lockout after too many wrong passwords).
  list                         Email, name, locked, created and last sign-in (known while that
                               session is kept: signing out or expiry forgets it).
  remove <email>               Delete the member, their sessions and their failed attempts.
                               Nothing else refers to them; this cannot be undone.

Exit status: 0 done, 1 refused (the message says why), 2 command not understood.`;

export interface CliIo extends PasswordSource {
  stdout: { write(text: string): unknown };
}

/** Runs `fn` on the server's database, opened (and migrated) for the command and closed afterwards. */
export type WithDatabase = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

/** An expected refusal: its message is shown (without a stack) and the tool exits 1. */
class Refusal extends Error {}

class UsageError extends Error {}

type Verb = 'add' | 'password' | 'lock' | 'unlock' | 'list' | 'remove';

interface Command {
  verb: Verb;
  email: string;
  /** add's --name. */
  name: string;
}

const ARITY: Record<Verb, number> = { add: 1, password: 1, lock: 1, unlock: 1, list: 0, remove: 1 };

function parse(args: readonly string[]): Command | 'help' {
  if (args.length === 0) throw new UsageError('no command given');
  if (args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') return 'help';
  const [verb, ...rest] = args;
  if (!Object.hasOwn(ARITY, verb)) throw new UsageError(`unknown command "${verb}"`);
  const positional: string[] = [];
  let staffName: string | undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index];
    if (/^--password(=|$)/.test(arg)) {
      throw new UsageError(
        'a password is never taken from the command line (shell history): pipe it to stdin',
      );
    }
    if (verb === 'add' && (arg === '--name' || arg.startsWith('--name='))) {
      staffName = arg === '--name' ? rest[(index += 1)] : arg.slice('--name='.length);
      if (staffName === undefined) throw new UsageError('--name needs a value');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      positional.push(arg);
    }
  }
  const arity = ARITY[verb as Verb];
  if (positional.length !== arity) {
    throw new UsageError(arity === 0 ? `${verb} takes no argument` : `${verb} takes one email address`);
  }
  if (verb === 'add' && staffName === undefined) throw new UsageError('add needs --name "<name>"');
  return { verb: verb as Verb, email: positional[0] ?? '', name: staffName ?? '' };
}

async function existing(db: Database, email: string): Promise<StaffMember> {
  const member = await findStaffByEmail(db, email.trim());
  if (!member) throw new Refusal(`no member of staff has the address ${email}`);
  return member;
}

/** The password the customers' policy allows (NewPassword, src/model/common.ts), or a refusal. */
async function newPassword(io: CliIo, email: string): Promise<string> {
  const read = await readPassword(io, `New password for ${email}: `);
  if (!read.ok) throw new Refusal(read.reason);
  const checked = z.safeParse(NewPassword, read.password);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  if (issue.code === 'too_small') {
    throw new Refusal(`the password is too short: it needs at least ${String(issue.minimum)} characters`);
  }
  if (issue.code === 'too_big') {
    throw new Refusal(`the password is too long: at most ${String(issue.maximum)} characters`);
  }
  throw new Refusal('the password holds a character that cannot be stored (NUL or a lone surrogate)');
}

const when = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A command checked and its password read and hashed: all before the database is opened. */
interface Prepared extends Command {
  passwordHash: string;
}

async function prepare(command: Command, io: CliIo): Promise<Prepared> {
  if (command.verb === 'add') {
    const email = z.safeParse(Email, normalizeEmail(command.email));
    if (!email.success) throw new Refusal(`"${command.email}" is not an email address`);
    const name = z.safeParse(RequiredText, command.name);
    if (!name.success) throw new Refusal('the name must be 1 to 200 characters');
    const passwordHash = await hashPassword(await newPassword(io, email.data));
    return { ...command, email: email.data, name: name.data, passwordHash };
  }
  if (command.verb === 'password') {
    return { ...command, passwordHash: await hashPassword(await newPassword(io, command.email)) };
  }
  return { ...command, passwordHash: '' };
}

async function run(command: Prepared, io: CliIo, db: Database, now: Date): Promise<void> {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  const { passwordHash } = command;
  switch (command.verb) {
    case 'add': {
      const member = { id: newId('staff'), email: command.email, name: command.name, passwordHash };
      const duplicate = new Refusal(`a member of staff already has the address ${member.email}`);
      if (await findStaffByEmail(db, member.email)) throw duplicate;
      try {
        await insertStaff(db, member, now);
      } catch (error) {
        // Another run added the address since the check above: the unique index on lower(email) says so.
        if ((error as { code?: unknown }).code === '23505') throw duplicate;
        throw error;
      }
      say(`Added ${member.name} <${member.email}>: they can sign in at /merchant.`);
      return;
    }
    case 'password': {
      const member = await existing(db, command.email);
      const ended = await db.transaction(async (tx) => {
        await setStaffPassword(tx, member.id, passwordHash);
        // Whoever resets a password expects sign-in to work: the lockout after wrong passwords goes too.
        await clearSignInFailures(tx, member.email, 'staff');
        return endStaffSessions(tx, member.id);
      });
      say(`New password set for ${member.email}; ${sessions(ended)} ended, failed sign-in attempts cleared.`);
      return;
    }
    case 'lock': {
      const member = await existing(db, command.email);
      const ended = await db.transaction(async (tx) => {
        await setStaffLocked(tx, member.id, true);
        return endStaffSessions(tx, member.id);
      });
      say(`Locked ${member.email}; ${sessions(ended)} ended.`);
      return;
    }
    case 'unlock': {
      const member = await existing(db, command.email);
      await db.transaction(async (tx) => {
        await setStaffLocked(tx, member.id, false);
        await clearSignInFailures(tx, member.email, 'staff');
      });
      say(`Unlocked ${member.email}; their failed sign-in attempts are cleared.`);
      return;
    }
    case 'remove': {
      const member = await existing(db, command.email);
      const ended = await db.transaction(async (tx) => {
        // Locked first: a sign-in adding a session between the two deletes would make the foreign key
        // refuse the second; with the row locked it waits, then finds the member gone (staff-handlers.ts).
        if (!(await lockStaffRow(tx, member.id)))
          throw new Refusal(`no member of staff has the address ${command.email}`);
        const count = await endStaffSessions(tx, member.id);
        await deleteStaff(tx, member.id);
        await clearSignInFailures(tx, member.email, 'staff');
        return count;
      });
      say(`Removed ${member.name} <${member.email}>; ${sessions(ended)} ended.`);
      return;
    }
    case 'list': {
      const staff = await listStaff(db);
      if (staff.length === 0) {
        say('No staff yet. Add the first with: npm run staff -- add <email> --name "<name>"');
        return;
      }
      const rows = staff.map((each) => [
        each.email,
        each.name,
        each.locked ? 'yes' : 'no',
        when(each.createdAt),
        when(each.lastSignInAt),
      ]);
      io.stdout.write(`${table([['EMAIL', 'NAME', 'LOCKED', 'CREATED', 'LAST SIGN-IN'], ...rows])}\n`);
      return;
    }
  }
}

const sessions = (count: number) => (count === 1 ? '1 session' : `${count} sessions`);

/** The whole tool, for `main` and tests alike: answers the exit code. */
export async function runStaffCli(
  args: readonly string[],
  io: CliIo,
  withDatabase: WithDatabase,
  now: () => Date = () => new Date(),
): Promise<number> {
  let command: Command | 'help';
  try {
    command = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`staff: ${error.message}\nRun "npm run staff -- --help" for the commands.\n`);
    return 2;
  }
  if (command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    // The password is typed while the database is closed: a PGlite folder is held for instants only. A
    // new password is asked for only once the member is known to exist (a first instant of its own).
    if (command.verb === 'password') await withDatabase((db) => existing(db, command.email));
    const prepared = await prepare(command, io);
    await withDatabase((db) => run(prepared, io, db, now()));
    return 0;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr.write(`staff: ${error.message}\n`);
    return 1;
  }
}

/**
 * Migrates a fresh, empty database (the first `add`, before the server ever started on it), and refuses one
 * that lacks migrations of this checkout: it may belong to a server still running an older version, whose
 * queries must not meet a schema changed under them. Starting the server of this checkout migrates it.
 */
async function readySchema(db: Database): Promise<void> {
  const { fresh, pending } = await migrationStatus(db);
  if (pending.length === 0) return;
  if (fresh) {
    await migrate(db);
    return;
  }
  throw new Refusal(
    `the database lacks migration${pending.length === 1 ? '' : 's'} ${pending.join(', ')} of this checkout: ` +
      'start the server (this version) once to migrate it, then run this again',
  );
}

/** The server's database as `main.ts` configures it; see `readySchema` for its migrations. */
export function serverDatabase(env: NodeJS.ProcessEnv, io: CliIo): WithDatabase {
  return async (fn) => {
    const url = env.DATABASE_URL || undefined;
    const dataDir = resolve(env.DATA_DIR ?? '.data/pglite');
    // PGlite keeps postmaster.pid while a process has the folder open, and removes it on a clean close.
    if (!url && existsSync(join(dataDir, 'postmaster.pid'))) {
      throw new Refusal(
        `the PGlite database in ${dataDir} is open in another process: stop the server first ` +
          '(if none runs, it was not stopped cleanly: start it and stop it with Ctrl-C once)',
      );
    }
    io.stderr.write(`staff: database ${url ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}\n`);
    const db = await openDatabase({ url, dataDir });
    try {
      await readySchema(db);
      return await fn(db);
    } finally {
      await db.close();
    }
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: CliIo = process;
  runStaffCli(process.argv.slice(2), io, serverDatabase(process.env, io)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
