// The storefront as a customer meets it: what its script tag makes the browser download, how many API
// round trips stand between the page and the balance, and how much the page moves meanwhile.
import type { Browser, Page, Request } from 'playwright-core';

export interface StorefrontFigures {
  /** Portal code (portal.js and its chunks) as transferred, brotli, in bytes. */
  signInBytes: number;
  overviewBytes: number;
  /** Added by each further step, in the order taken. */
  steps: { label: string; bytes: number }[];
  /** API requests started before the balance was on screen. */
  requestsBeforeBalance: string[];
  /** API round trips before the balance: requests that had to wait for an earlier answer add one. */
  roundTrips: number;
  /** From navigation start to the balance on screen (ms), and to the first API request. */
  balanceAtMs: number;
  firstApiRequestAtMs: number;
  /** Cumulative layout shift from load to the signed-in overview (balance shown, then 1 s of quiet). */
  layoutShift: number;
  /** The same for a signed-out visit, to the sign-in form. */
  layoutShiftSignIn: number;
}

const VIEWPORT = { width: 1280, height: 800 };

/** Counts what the portal's own code costs on the wire: portal.js and everything under chunks/. */
function codeCounter(page: Page): { bytes: () => number } {
  let total = 0;
  page.on('requestfinished', (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/portal.js' || path.startsWith('/chunks/')) {
      void request.sizes().then((sizes) => (total += sizes.responseBodySize));
    }
  });
  return { bytes: () => total };
}

/** Installs a layout-shift observer before any script of the page runs. */
async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { benchShift: number };
    w.benchShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.benchShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const settle = (page: Page) => page.waitForTimeout(1000);
const shift = (page: Page) => page.evaluate(() => (window as unknown as { benchShift: number }).benchShift);

/** Resolves once the overview's balance is on screen; records when, in the page's clock. */
async function balanceShown(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const root = document.querySelector('portal-root')?.shadowRoot;
      const summary = root?.querySelector('portal-summary')?.shadowRoot;
      const value = summary?.querySelector('[part~="balance"] [part~="value"]');
      return value?.textContent?.trim() ? performance.now() : 0;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return await handle.jsonValue();
}

/** Depth of each API request: 1 + the deepest request whose answer had arrived before it started. */
function roundTrips(entries: { startTime: number; responseEnd: number }[]): number {
  const depths: number[] = [];
  entries.forEach((entry, i) => {
    let depth = 1;
    entries.forEach((other, j) => {
      if (j !== i && other.responseEnd <= entry.startTime && depths[j] !== undefined)
        depth = Math.max(depth, depths[j] + 1);
    });
    depths[i] = depth;
  });
  return Math.max(0, ...depths);
}

export async function measureStorefront(browser: Browser, baseUrl: string): Promise<StorefrontFigures> {
  // (a) Signed out: the sign-in form.
  const signedOut = await browser.newContext({ viewport: VIEWPORT });
  const outPage = await signedOut.newPage();
  const outCode = codeCounter(outPage);
  await watchLayoutShift(outPage);
  await outPage.goto(baseUrl);
  await outPage.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  await settle(outPage);
  const signInBytes = outCode.bytes();
  const layoutShiftSignIn = await shift(outPage);
  await signedOut.close();

  // (b) A returning customer: signed in through the form on an earlier visit (session cookie, and the
  // portal's hint that someone is signed in), now loading the store with an empty cache.
  const earlier = await browser.newContext({ viewport: VIEWPORT });
  const first = await earlier.newPage();
  await first.goto(baseUrl);
  await first.getByLabel('Email').fill('ada@example.com');
  await first.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
  await first.getByRole('button', { name: 'Sign in', exact: true }).click();
  await balanceShown(first);
  const storageState = await earlier.storageState();
  await earlier.close();
  const signedIn = await browser.newContext({ viewport: VIEWPORT, storageState });
  const page = await signedIn.newPage();
  const code = codeCounter(page);
  await watchLayoutShift(page);
  await page.goto(baseUrl);
  const balanceAtMs = await balanceShown(page);
  const api = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.startsWith('/portal-api/'))
        .filter((entry) => entry.startTime < before)
        .map((entry) => {
          const timing = entry as PerformanceResourceTiming;
          return {
            name: new URL(timing.name).pathname,
            startTime: timing.startTime,
            responseEnd: timing.responseEnd,
          };
        }),
    balanceAtMs,
  );
  await settle(page);
  const overviewBytes = code.bytes();
  const layoutShift = await shift(page);

  // (c) Each further section and step, from the overview.
  const steps: { label: string; bytes: number }[] = [];
  const step = async (label: string, act: () => Promise<void>) => {
    const before = code.bytes();
    await act();
    await page.waitForLoadState('networkidle');
    steps.push({ label, bytes: code.bytes() - before });
  };
  await step('Invoices section', async () => {
    await page.getByRole('button', { name: 'Invoices', exact: true }).click();
    await page.locator('portal-invoices [part~="row"]').first().waitFor();
  });
  await step('an invoice opened', async () => {
    // An invoice with something to pay, so the next step can press Pay.
    const owed = page.locator('portal-invoices [part~="row"]').filter({ hasText: /Overdue|Open/ });
    await owed.locator('button').first().click();
    await page.locator('portal-invoice [part~="status"]').first().waitFor();
  });
  const pay = page.getByRole('button', { name: /^Pay this (invoice|order)$/ });
  if (await pay.count()) {
    await step('Pay pressed (the payment flow)', async () => {
      await pay.click();
      await page.locator('portal-pay-invoice h2').first().waitFor();
    });
  }
  await step('Payment methods section', async () => {
    await page.getByRole('button', { name: 'Payment methods', exact: true }).click();
    await page.locator('portal-payment-methods [part~="method"]').first().waitFor();
  });
  await step('Profile section', async () => {
    await page.getByRole('button', { name: 'Profile', exact: true }).click();
    await page.locator('portal-profile [part~="form"]').first().waitFor();
  });
  await step('Policies section, a page opened (content, DOMPurify)', async () => {
    await page.getByRole('button', { name: 'Policies', exact: true }).click();
    await page.getByRole('button', { name: 'Refund policy' }).click();
    await page.locator('portal-content [part~="body"]').first().waitFor();
  });
  await step('Subscriptions section', async () => {
    await page.getByRole('button', { name: 'Subscriptions', exact: true }).click();
    await page.locator('portal-subscriptions [part~="subscription"]').first().waitFor();
  });
  await step('a subscription flow opened (its chunk)', async () => {
    await page
      .getByRole('button', { name: /^Change plan or quantity of / })
      .first()
      .click();
    await page.locator('portal-subscriptions [part~="panel"] input').first().waitFor();
  });
  await signedIn.close();

  return {
    signInBytes,
    overviewBytes,
    steps,
    requestsBeforeBalance: api.map((entry) => entry.name),
    roundTrips: roundTrips(api),
    balanceAtMs,
    firstApiRequestAtMs: Math.min(...api.map((entry) => entry.startTime)),
    layoutShift,
    layoutShiftSignIn,
  };
}
