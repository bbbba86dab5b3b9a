import { fileURLToPath } from 'node:url';

// web-test-runner server commands that reach into the test-mode card fields frame, which runs on another
// origin than the test page: the page itself cannot read or type into it, exactly as in production. The
// browser's automation can, so tests type, click and look there the way a customer would.

/**
 * The newest attached frame whose URL contains `marker` (the test-mode frame page by default). Automation
 * learns of a frame on another origin a little after the page does, so this looks again for a while.
 */
async function frameOf(page, marker = '/test-mode/frame/') {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const frames = page.frames().filter((frame) => frame.url().includes(marker) && !frame.detached);
    if (frames.length > 0) return frames.at(-1);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no frame matching ${marker} on the page`);
}

/**
 * What a customer would see in the frame, plus the computed styles the theme should have set. Runs inside
 * the frame (serialized by puppeteer), so it uses the browser's globals.
 */
/* global document, getComputedStyle */
function snapshot() {
  const byId = (id) => document.getElementById(id);
  const text = (id) => byId(id)?.textContent ?? '';
  const input = byId('number');
  const style = getComputedStyle(input);
  return {
    lang: document.documentElement.lang,
    title: document.title,
    dark: document.documentElement.classList.contains('dark'),
    hidden: document.body.hidden,
    badge: document.querySelector('.badge')?.textContent ?? '',
    labels: [...document.querySelectorAll('label')].map((label) => label.textContent),
    values: { number: input.value, expiry: byId('expiry').value, cvc: byId('cvc').value },
    errors: { number: text('number-error'), expiry: text('expiry-error'), cvc: text('cvc-error') },
    invalid: ['number', 'expiry', 'cvc'].filter((id) => byId(id).getAttribute('aria-invalid') === 'true'),
    formError: text('form-error'),
    brand: text('brand'),
    challengeOpen: !byId('challenge').hidden,
    focused: document.activeElement?.id ?? null,
    primary: getComputedStyle(document.documentElement).getPropertyValue('--portal-color-primary').trim(),
    inputRadius: style.borderTopLeftRadius,
    inputFont: style.fontFamily,
  };
}

const AXE = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));

export function cardFrameCommands() {
  return {
    name: 'card-frame-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('card-frame:')) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs the Chrome launcher`);
      const page = session.browser.getPage(session.id);
      const frame = await frameOf(page, payload?.marker);
      switch (command) {
        case 'card-frame:type':
          await frame.focus(payload.selector);
          await page.keyboard.type(payload.text);
          return true;
        case 'card-frame:clear':
          await frame.focus(payload.selector);
          await frame.$eval(payload.selector, (input) => input.select());
          await page.keyboard.press('Backspace');
          return true;
        case 'card-frame:press':
          await page.keyboard.press(payload.key);
          return true;
        case 'card-frame:click':
          // A DOM click, not a mouse at coordinates: the frame grows when its challenge opens, and a
          // mouse aimed before the page resized it lands outside the button.
          await frame.waitForSelector(payload.selector, { visible: true });
          await frame.$eval(payload.selector, (element) => element.click());
          return true;
        case 'card-frame:axe':
          // The page cannot run axe across the origin boundary, so it runs inside the frame itself.
          await frame.addScriptTag({ path: AXE });
          return frame.evaluate(async () => {
            // WCAG 2.2 A and AA, the project's bar; best-practice page rules (one h1, landmarks) are for the
            // host page, which the frame is a part of.
            const runOnly = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
            const result = await globalThis.axe.run(document, { runOnly });
            return result.violations.map((each) => `${each.id}: ${each.help}`);
          });
        case 'card-frame:read':
          try {
            return await frame.evaluate(snapshot);
          } catch (error) {
            // A frame removed by the previous test may still be listed for a moment: look again.
            if (!/Target closed|detached/i.test(String(error))) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
            return (await frameOf(page, payload?.marker)).evaluate(snapshot);
          }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}
