import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { StaffSession } from '../../../src/model/index.js';
import { type CliIo, USAGE, type WithDatabase, runStaffCli, serverDatabase } from '../src/admin/staff-cli.js';
import { verifyPassword } from '../src/auth/passwords.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { DEMO_STAFF } from '../src/db/seed.js';
import {
  type Client,
  type ErrorReply,
  holdNextTransaction,
  startTestServer,
  useTestServer,
} from './helpers.js';

const server = useTestServer({ limits: { lockoutThreshold: 3 } });
const SESSION = '/merchant/api/session';
const CUSTOMERS = '/merchant/api/customers';
const { email: OWNER, password: OWNER_PASSWORD } = DEMO_STAFF;
const NO_STACK = /\n\s+at /;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The tool on the test server's own database, its password piped in (or nothing on stdin). */
async function staff(args: string[], piped = ''): Promise<Run> {
  return runWith(args, Readable.from(piped === '' ? [] : [Buffer.from(piped)]));
}

async function runWith(args: string[], stdin: CliIo['stdin']): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const onServerDb: WithDatabase = (fn) => fn(server.running.db);
  const code = await runStaffCli(args, io, onServerDb);
  return { code, stdout, stderr };
}

async function consoleSignIn(email: string, password: string, ip?: string) {
  const client = server.client(ip);
  const reply = await client.post<StaffSession | ErrorReply>(SESSION, { email, password });
  return { client, reply };
}

async function signedIn(email: string = OWNER, password: string = OWNER_PASSWORD): Promise<Client> {
  const { client, reply } = await consoleSignIn(email, password);
  assert.equal(reply.status, 200, reply.text);
  assert.equal((await client.get(CUSTOMERS)).status, 200);
  return client;
}

async function staffRows() {
  return server.query<{ email: string; name: string; locked: boolean; password_hash: string }>(
    'SELECT email, name, locked, password_hash FROM staff ORDER BY seq',
  );
}

/** A terminal's stdin: keystrokes arrive as they are typed, nothing is echoed unless the tool does it. */
function terminal(...keystrokes: string[]) {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(raw: boolean) {
      stdin.rawModes.push(raw);
      return stdin;
    },
  });
  for (const keys of keystrokes) stdin.write(keys);
  return stdin;
}

describe('staff tool: usage', () => {
  it('prints its help on stdout and exits 0', async () => {
    for (const args of [['--help'], ['help'], ['add', '--help']]) {
      const run = await staff(args);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, `${USAGE}\n`);
      assert.match(run.stdout, /remove <email> +Delete the member, their sessions/);
    }
  });

  it('exits 2 with a message on stderr for what it does not understand, before touching the database', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['add', 'new@northwind.example'], /add needs --name/],
      [['add', 'new@northwind.example', '--name'], /--name needs a value/],
      [['add', 'new@northwind.example', '--name', 'New', '--password', 'secret-pass'], /never taken from/],
      [['password', OWNER, '--password=secret-pass'], /never taken from the command line/],
      [['lock'], /lock takes one email address/],
      [['list', 'extra'], /list takes no argument/],
      [['remove', OWNER, '--force'], /unknown option "--force"/],
    ];
    for (const [args, message] of cases) {
      let stdout = '';
      let stderr = '';
      const io = {
        stdin: Readable.from([]),
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      };
      const untouched: WithDatabase = () => Promise.reject(new Error('the database was opened'));
      assert.equal(await runStaffCli(args, io, untouched), 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /npm run staff -- --help/);
      assert.equal(stdout, '');
    }
  });
});

describe('staff tool: add', () => {
  it('creates a member from a piped password, who can then sign in to the console', async () => {
    const run = await staff(
      ['add', ' Grace@Northwind.Example ', '--name', ' Grace Hopper '],
      'compiler-1952\n',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Added Grace Hopper <grace@northwind\.example>/);
    const rows = await staffRows();
    assert.equal(rows.length, 2);
    const added = rows[1];
    assert.equal(added.email, 'grace@northwind.example');
    assert.equal(added.name, 'Grace Hopper');
    assert.equal(added.locked, false);
    assert.match(added.password_hash, /^scrypt\$/);
    assert.ok(await verifyPassword('compiler-1952', added.password_hash));
    const { reply } = await consoleSignIn('grace@northwind.example', 'compiler-1952');
    assert.equal(reply.status, 200, reply.text);
    assert.equal((reply.body as StaffSession).name, 'Grace Hopper');
  });

  it('refuses a duplicate address (whatever its case), a weak password and a bad address with exit 1', async () => {
    const duplicate = await staff(
      ['add', 'OWNER@Northwind.example', '--name', 'Again'],
      'another-password\n',
    );
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /already has the address owner@northwind\.example/);
    const weak = await staff(['add', 'new@northwind.example', '--name', 'New'], 'short\n');
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /password is too short: it needs at least 8 characters/);
    const none = await staff(['add', 'new@northwind.example', '--name', 'New']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no password on stdin/);
    const address = await staff(['add', 'not-an-address', '--name', 'New'], 'long-enough-pw\n');
    assert.equal(address.code, 1);
    assert.match(address.stderr, /"not-an-address" is not an email address/);
    for (const run of [duplicate, weak, none, address]) assert.doesNotMatch(run.stderr, NO_STACK);
    assert.deepEqual(
      (await staffRows()).map((row) => row.email),
      [OWNER],
    );
  });
});

describe('staff tool: password, lock, unlock, remove', () => {
  it('password sets a new one and ends the sessions the member had', async () => {
    const before = await signedIn();
    const run = await staff(['password', 'Owner@northwind.example'], 'a-brand-new-one\n');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /New password set for owner@northwind\.example; 1 session ended/);
    assert.equal((await before.get(CUSTOMERS)).status, 401, 'the session open before is refused');
    assert.equal((await consoleSignIn(OWNER, OWNER_PASSWORD)).reply.status, 401, 'old password');
    await signedIn(OWNER, 'a-brand-new-one');
  });

  it('password refuses a weak one and an unknown address, changing nothing', async () => {
    const before = await signedIn();
    const weak = await staff(['password', OWNER], '1234567\n');
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /too short/);
    const unknown = await staff(['password', 'nobody@northwind.example'], 'long-enough-pw\n');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no member of staff has the address nobody@northwind\.example/);
    for (const run of [weak, unknown]) assert.doesNotMatch(run.stderr, NO_STACK);
    assert.equal((await before.get(CUSTOMERS)).status, 200, 'the session still stands');
    assert.ok(await verifyPassword(OWNER_PASSWORD, (await staffRows())[0].password_hash));
  });

  it('lock ends the sessions and refuses sign-ins; unlock lets them in again', async () => {
    const before = await signedIn();
    const locked = await staff(['lock', OWNER]);
    assert.equal(locked.code, 0, locked.stderr);
    assert.match(locked.stderr, /Locked owner@northwind\.example; 1 session ended/);
    assert.equal((await before.get(CUSTOMERS)).status, 401);
    assert.equal((await server.query('SELECT 1 FROM staff_sessions')).length, 0);
    const refused = await consoleSignIn(OWNER, OWNER_PASSWORD);
    assert.equal((refused.reply.body as ErrorReply).error.code, 'account_locked');
    const unlocked = await staff(['unlock', OWNER]);
    assert.equal(unlocked.code, 0, unlocked.stderr);
    assert.equal((await staffRows())[0].locked, false);
    await signedIn();
  });

  it('unlock clears the lockout left by wrong passwords', async () => {
    const ip = '198.51.100.70';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      assert.equal((await consoleSignIn(OWNER, 'not-the-password', ip)).reply.status, 401);
    }
    assert.equal((await consoleSignIn(OWNER, OWNER_PASSWORD, ip)).reply.status, 429, 'locked out');
    const run = await staff(['unlock', OWNER]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /failed sign-in attempts are cleared/);
    assert.equal((await consoleSignIn(OWNER, OWNER_PASSWORD, ip)).reply.status, 200);
  });

  it('remove deletes the member and their sessions; the session open before is refused', async () => {
    const before = await signedIn();
    const run = await staff(['remove', 'OWNER@northwind.example']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Removed Nora Northwind <owner@northwind\.example>; 1 session ended/);
    assert.equal((await before.get(CUSTOMERS)).status, 401);
    assert.equal((await before.get<StaffSession | null>(SESSION)).body, null);
    assert.deepEqual(await staffRows(), []);
    assert.equal((await server.query('SELECT 1 FROM staff_sessions')).length, 0);
    assert.equal((await consoleSignIn(OWNER, OWNER_PASSWORD)).reply.status, 401);
    const again = await staff(['remove', OWNER]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /no member of staff has the address/);
    assert.doesNotMatch(again.stderr, NO_STACK);
  });

  it('password clears the lockout left by wrong passwords, as its help says', async () => {
    assert.match(USAGE, /password <email> [^]*clear their failed\s+sign-in attempts/);
    const ip = '198.51.100.71';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      assert.equal((await consoleSignIn(OWNER, 'not-the-password', ip)).reply.status, 401);
    }
    assert.equal((await consoleSignIn(OWNER, OWNER_PASSWORD, ip)).reply.status, 429, 'locked out');
    const run = await staff(['password', OWNER], 'a-brand-new-one\n');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /failed sign-in attempts cleared/);
    assert.equal((await consoleSignIn(OWNER, 'a-brand-new-one', ip)).reply.status, 200);
  });

  it('password asks for nothing when the address is not staff, and types it while the database is closed', async () => {
    let open = false;
    const track: WithDatabase = async (fn) => {
      open = true;
      try {
        return await fn(server.running.db);
      } finally {
        open = false;
      }
    };
    let stderr = '';
    const io = (stdin: CliIo['stdin']) => ({
      stdin,
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
    });
    const unknownStdin = terminal('long-enough-pw\r', 'long-enough-pw\r');
    assert.equal(await runStaffCli(['password', 'nobody@northwind.example'], io(unknownStdin), track), 1);
    assert.match(stderr, /no member of staff has the address nobody@northwind\.example/);
    assert.doesNotMatch(stderr, /New password/, 'no password was asked for');
    assert.deepEqual(unknownStdin.rawModes, [], 'the terminal was never read');

    const knownStdin = terminal('a-brand-new-one\r', 'a-brand-new-one\r');
    const openWhileTyping: boolean[] = [];
    const raw = knownStdin.setRawMode.bind(knownStdin);
    knownStdin.setRawMode = (mode: boolean) => {
      openWhileTyping.push(open);
      return raw(mode);
    };
    assert.equal(await runStaffCli(['password', OWNER], io(knownStdin), track), 0, stderr);
    assert.deepEqual(openWhileTyping, [false, false, false, false], 'the database is closed while typing');
    await signedIn(OWNER, 'a-brand-new-one');
  });

  it('lock and unlock refuse an unknown address with exit 1', async () => {
    for (const verb of ['lock', 'unlock']) {
      const run = await staff([verb, 'nobody@northwind.example']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /no member of staff has the address nobody@northwind\.example/);
      assert.doesNotMatch(run.stderr, NO_STACK);
    }
  });
});

describe('staff tool: racing a sign-in', () => {
  /** A console sign-in stopped after its password check, just before its transaction opens the session. */
  async function heldSignIn(password = OWNER_PASSWORD) {
    const hold = holdNextTransaction(server.running.db);
    const pending = consoleSignIn(OWNER, password);
    await hold.reached;
    return { release: hold.release, pending };
  }

  it('a sign-in with the old password, checked before `password` committed, opens no session', async () => {
    const signIn = await heldSignIn();
    const run = await staff(['password', OWNER], 'a-brand-new-one\n');
    assert.equal(run.code, 0, run.stderr);
    signIn.release();
    const { client, reply } = await signIn.pending;
    assert.equal(reply.status, 401, reply.text);
    assert.equal((reply.body as ErrorReply).error.code, 'unauthorized');
    assert.equal((await client.get(CUSTOMERS)).status, 401);
    assert.equal((await server.query('SELECT 1 FROM staff_sessions')).length, 0);
  });

  it('a sign-in checked before `lock` committed opens no session', async () => {
    const signIn = await heldSignIn();
    assert.equal((await staff(['lock', OWNER])).code, 0);
    signIn.release();
    assert.equal((await signIn.pending).reply.status, 401);
    assert.equal((await server.query('SELECT 1 FROM staff_sessions')).length, 0);
  });

  it('`remove` racing a sign-in: the member is removed and the sign-in refused, without an error', async () => {
    const signIn = await heldSignIn();
    const run = await staff(['remove', OWNER]);
    assert.equal(run.code, 0, run.stderr);
    signIn.release();
    const { reply } = await signIn.pending;
    assert.equal(reply.status, 401, reply.text);
    assert.deepEqual(await staffRows(), []);
  });
});

describe('staff tool: migrations', () => {
  it('refuses a database lacking migrations of this checkout (a running older server), migrating nothing', async () => {
    assert.match(USAGE, /never migrates a database in use/);
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-staff-old-'));
    try {
      const all = loadMigrations();
      const older = await openDatabase({ dataDir });
      await migrate(older, all.slice(0, -1));
      await older.close();
      let stderr = '';
      const io = {
        stdin: Readable.from([]),
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
      };
      const code = await runStaffCli(['list'], io, serverDatabase({ DATA_DIR: dataDir }, io));
      assert.equal(code, 1);
      const last = all.at(-1)!.version;
      assert.match(stderr, new RegExp(`lacks migration ${last} of this checkout: start the server`));
      assert.doesNotMatch(stderr, NO_STACK);
      const after = await openDatabase({ dataDir });
      try {
        const { rows } = await after.query<{ version: number }>(
          'SELECT max(version) AS version FROM schema_migrations',
        );
        assert.equal(rows[0].version, all.at(-2)!.version, 'nothing was migrated');
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('staff tool: list', () => {
  it('lists email, name, locked, created and the last sign-in while its session is kept', async () => {
    assert.equal(
      (await staff(['add', 'grace@northwind.example', '--name', 'Grace'], 'compiler-1952\n')).code,
      0,
    );
    await staff(['lock', 'grace@northwind.example']);
    const first = await staff(['list']);
    assert.equal(first.code, 0, first.stderr);
    const [header, owner, grace, ...rest] = first.stdout.trimEnd().split('\n');
    assert.deepEqual(rest, []);
    assert.match(header, /^EMAIL +NAME +LOCKED +CREATED +LAST SIGN-IN$/);
    assert.match(owner, /^owner@northwind\.example +Nora Northwind +no +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +-$/);
    assert.match(grace, /^grace@northwind\.example +Grace +yes +\d{4}-\d\d-\d\dT[\d:]+Z +-$/);

    await signedIn();
    const [signedInAt] = await server.query<{ created_at: Date }>('SELECT created_at FROM staff_sessions');
    const second = await staff(['list']);
    const iso = signedInAt.created_at.toISOString().replace(/\.\d{3}Z$/, 'Z');
    assert.ok(second.stdout.split('\n')[1].endsWith(`  ${iso}`), second.stdout);
  });

  it('says on stderr how to add the first member when there is none', async () => {
    await staff(['remove', OWNER]);
    const run = await staff(['list']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /No staff yet\. Add the first with: npm run staff -- add <email> --name "<name>"/,
    );
  });
});

describe('staff tool: typing the password at a terminal', () => {
  it('reads it twice in raw mode without echo; Backspace and arrow keys edit, they are not kept', async () => {
    const stdin = terminal('ada-lovel', 'acX\u007f', '\u001b[D', 'e\r', 'ada-lovelace\r');
    const run = await runWith(['add', 'ada@northwind.example', '--name', 'Ada'], stdin);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(stdin.rawModes, [true, false, true, false]);
    assert.match(run.stderr, /^New password for ada@northwind\.example: \nAgain, to confirm: \n/);
    assert.doesNotMatch(run.stderr, /lovelace|ada-/, 'nothing typed is echoed');
    await signedIn('ada@northwind.example', 'ada-lovelace');
  });

  it('refuses two passwords that differ, and Ctrl-C, adding nobody', async () => {
    const differ = await runWith(
      ['add', 'ada@northwind.example', '--name', 'Ada'],
      terminal('ada-lovelace\r', 'ada-lovelac3\r'),
    );
    assert.equal(differ.code, 1);
    assert.match(differ.stderr, /the two passwords typed differ; nothing changed/);
    const cancelled = await runWith(
      ['add', 'ada@northwind.example', '--name', 'Ada'],
      terminal('ada-\u0003'),
    );
    assert.equal(cancelled.code, 1);
    assert.match(cancelled.stderr, /staff: cancelled/);
    assert.equal((await staffRows()).length, 1);
  });
});

describe('staff tool: the command itself', () => {
  const repo = fileURLToPath(new URL('../../../', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-staff-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  function command(program: string, args: string[], piped: string): Promise<Run> {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(program, args, { cwd: repo, env: { ...env, DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(piped);
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  it('`npm run staff` creates the first member in a fresh PGlite folder; refused while a server has it open', async () => {
    const added = await command(
      'npm',
      ['run', '--silent', 'staff', '--', 'add', 'first@shop.example', '--name', 'First'],
      'first-member-pw\n',
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stderr, new RegExp(`database PGlite in ${dataDir}`));
    assert.match(added.stderr, /Added First <first@shop\.example>/);

    const running = await startTestServer({ dataDir });
    try {
      const client = running.client();
      const reply = await client.post(SESSION, { email: 'first@shop.example', password: 'first-member-pw' });
      assert.equal(reply.status, 200, reply.text);
      const busy = await command(
        process.execPath,
        ['--import', 'tsx', 'examples/server/src/admin/staff-cli.ts', 'list'],
        '',
      );
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, /is open in another process: stop the server first/);
      assert.doesNotMatch(busy.stderr, NO_STACK);
    } finally {
      await running.close();
    }
  });
});
