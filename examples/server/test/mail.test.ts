import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, type Server, createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { dropSchema } from '../src/db/postgres.js';
import { DEMO_STAFF } from '../src/db/seed.js';
import { type RunningServer, startServer } from '../src/server.js';
import { Client, MERCHANT_SECRET } from './helpers.js';

/** Just enough SMTP to receive what nodemailer sends: every message's recipients and decoded text. */
function fakeSmtpServer(): { server: Server; received: { to: string[]; text: string }[] } {
  const received: { to: string[]; text: string }[] = [];
  const server = createServer((socket) => {
    socket.write('220 fake.smtp ESMTP\r\n');
    let buffer = '';
    let inData = false;
    let lines: string[] = [];
    let to: string[] = [];
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const raw = lines.join('\n');
            const body = raw.slice(raw.indexOf('\n\n') + 2);
            // Quoted-printable: soft line breaks, then =XX escapes.
            const text = Buffer.from(
              body
                .replace(/=\n/g, '')
                .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            ).toString('utf8');
            received.push({ to, text });
            lines = [];
            to = [];
            socket.write('250 2.0.0 queued\r\n');
          } else {
            lines.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') socket.write('250 fake.smtp\r\n');
        else if (command === 'RCPT') {
          to.push(/<([^>]+)>/.exec(line)?.[1] ?? '');
          socket.write('250 2.1.5 ok\r\n');
        } else if (command === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (command === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, received };
}

const smtp = fakeSmtpServer();
let running: RunningServer;
const databaseUrl = process.env.DATABASE_URL;
const schema = databaseUrl ? `portal_mail_${randomBytes(5).toString('hex')}` : undefined;

before(async () => {
  await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  running = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databaseUrl,
    schema,
    dataDir: ':memory:',
    merchantSecret: MERCHANT_SECRET,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    mailFrom: 'Northwind <portal@northwind.example>',
    production: true,
  });
});
after(async () => {
  await running.close();
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  if (databaseUrl && schema) await dropSchema(databaseUrl, schema);
});

describe('a production database', () => {
  it('gets no demo staff member: its password is published', async () => {
    const staff = await running.db.query<{ count: number }>('SELECT count(*)::int AS count FROM staff');
    assert.equal(staff.rows[0].count, 0);
    const reply = await new Client(running.url).post('/merchant/api/session', {
      email: DEMO_STAFF.email,
      password: DEMO_STAFF.password,
    });
    assert.equal(reply.status, 401);
  });
});

describe('email delivery', () => {
  it('sends through SMTP when SMTP_URL is set, and in production keeps no body once sent', async () => {
    const reply = await new Client(running.url).post('/portal-api/auth/magic-link', {
      email: 'grace@example.net',
    });
    assert.equal(reply.status, 204);
    await running.app.portal.drain();
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0].to, ['grace@example.net']);
    assert.match(smtp.received[0].text, new RegExp(`${running.url}/\\?portal-magic-token=[\\w-]{43}`));
    const rows = await running.db.query<{ body: string; sent_at: Date | null }>(
      'SELECT body, sent_at FROM outbox',
    );
    assert.equal(rows.rows.length, 1);
    assert.ok(rows.rows[0].sent_at, 'marked sent');
    assert.ok(!rows.rows[0].body.includes('portal-magic-token'), 'the link does not stay in the database');
    assert.equal(
      (await new Client(running.url).get('/dev/outbox.json')).status,
      404,
      'no outbox pages in production',
    );
  });
});
