import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, useStack } from './support/stack.js';

/**
 * The storefront in Arabic: the merchant's page says `lang="ar-EG"` (and nothing about direction), the
 * customer signs in and reads the overview in Arabic, laid out right to left, with amounts in the digits
 * Intl writes for ar-EG, and nothing cut off or pushed sideways.
 */
const e2e = useStack();

describe('the storefront in Arabic', { timeout: 60_000 }, () => {
  it('Ada signs in and reads her overview in Arabic, right to left, nothing overflowing', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await page.goto(`${e2e.stack.url}/#account`);
    // What an Arabic page template of the merchant says; the portal follows the page's lang live.
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'ar-EG'));
    const portal = page.locator('portal-root');

    await page.getByLabel('البريد الإلكتروني').fill('ada@example.com');
    await page.getByLabel('كلمة المرور', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.getByText('مسجّل الدخول باسم Ada Lovelace').waitFor();
    await page.getByText('الرصيد المستحق').waitFor();

    assert.equal(await portal.getAttribute('dir'), 'rtl', 'the portal sets its own direction');
    assert.ok(await portal.evaluate((el) => el.matches(':dir(rtl)')), 'and lays out right to left');
    const summary = page.locator('portal-summary');
    assert.equal(await summary.evaluate((el) => getComputedStyle(el).direction), 'rtl');

    // Amounts in the digits this browser's Intl gives ar-EG (Eastern Arabic today, Latin on some engines).
    const digits = await page.evaluate(() => new Intl.NumberFormat('ar-EG').format(1234567890));
    // Shadow roots included; no named functions inside evaluate (the test runner's transform renames them).
    const overview = await summary.evaluate((el) => {
      let text = '';
      const stack: Node[] = [el];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
        if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
        stack.push(...node.childNodes);
      }
      return text;
    });
    assert.ok(
      [...digits].some((digit) => overview.includes(digit)),
      `amounts use ${digits}: ${overview}`,
    );

    const overflowing = await portal.evaluate((root) => {
      const found: string[] = [];
      const scopes: (Element | ShadowRoot)[] = [root.shadowRoot!];
      while (scopes.length) {
        for (const element of scopes.pop()!.querySelectorAll('*')) {
          const ownText = [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
          );
          const box = getComputedStyle(element).display !== 'inline' && element.clientWidth > 1;
          if (ownText && box && element.scrollWidth > element.clientWidth + 1)
            found.push(`${element.localName}: ${element.textContent?.trim().slice(0, 40)}`);
          if (element.shadowRoot) scopes.push(element.shadowRoot);
        }
      }
      const page = document.documentElement;
      if (page.scrollWidth > page.clientWidth)
        found.push(`the page scrolls sideways (${page.scrollWidth}px)`);
      return found;
    });
    assert.deepEqual(overflowing, [], 'nothing clipped or overflowing');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
