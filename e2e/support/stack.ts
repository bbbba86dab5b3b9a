import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/browser.mjs';

/**
 * The `npm start` stack, for real: `scripts/start.mjs` builds the bundle and runs the reference server,
 * here on a free port and a throwaway database folder, exactly as a newcomer would run it.
 */
export interface Stack {
  url: string;
  dataDir: string;
  /** Stops the server; the database folder stays until `remove()`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  remove(): void;
}

async function launch(
  port: number,
  dataDir: string,
  extraEnv: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node', ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'development', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Building the bundle takes seconds alone and minutes on a busy machine; a stack that never says it
    // listens is stopped, so no server outlives the test.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the stack did not start:\n${output}`));
    }, 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /reference server on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the stack exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** `env`: more environment for the server, e.g. `{ PORTAL_TEST_MODE: '1' }` for the clock and daily jobs. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let running = await launch(port, dataDir, env);
  return {
    get url() {
      return running.url;
    },
    dataDir,
    async stop() {
      await stopChild(running.child);
    },
    remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stopChild(running.child);
      running = await launch(port, dataDir, env);
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS });
}

/**
 * The stack and a browser for one file of journeys: started before its first test, stopped (and the
 * database folder removed) after its last. Call it at the top of the file; read the fields inside tests.
 */
export function useStack(env: Record<string, string> = {}): {
  readonly stack: Stack;
  readonly browser: Browser;
} {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  before(async () => {
    stack = await startStack(env);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
    stack?.remove();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the stack starts in before(): use it inside a test');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** Signs in through the storefront's form, as a customer would. */
export async function signIn(
  page: Page,
  stack: Stack,
  email: string,
  password: string,
  name: string,
): Promise<void> {
  await page.goto(`${stack.url}/#account`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(`Signed in as ${name}`).waitFor();
}

/** A page that records console errors and page errors, so journeys can assert there were none. */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  // Every journey runs under the storefront's strict CSP with Trusted Types; any violation is an error.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} (${event.blockedURI || 'inline'})`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors };
}

/** Emails the reference server sent to `to`, oldest first, through its development outbox. */
export async function outbox(stack: Stack, to: string): Promise<{ subject: string; text: string }[]> {
  const response = await fetch(`${stack.url}/dev/outbox.json?to=${encodeURIComponent(to)}`);
  const body = (await response.json()) as unknown;
  const messages = (Array.isArray(body) ? body : ((body as { messages?: unknown[] }).messages ?? [])) as {
    to: string;
    subject: string;
    text: string;
  }[];
  return messages.filter((message) => message.to.toLowerCase() === to.toLowerCase());
}
