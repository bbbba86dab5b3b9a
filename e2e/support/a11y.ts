import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * Accessibility checks for journeys on the `npm start` stack: a trap for real pointer events, keyboard
 * moves that check the focus is visible, axe on the document, 24 px targets and live-region text.
 *
 * Page code is passed as strings: tsx's compiled helpers do not exist inside the page.
 */

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the statement's target. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Walks the document and every open shadow root; defines the helpers the other snippets use. */
const DEEP = `
  window.__deep = {
    all(root = document) {
      const found = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          found.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(root);
      if (root.shadowRoot) walk(root.shadowRoot);
      return found;
    },
    active() {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el;
    },
  };
`;

/**
 * Records every real pointer event in every frame before the page's own scripts run: pointerdown and
 * mousedown of any kind, and clicks with `detail > 0` (a click that Enter or Space makes has detail 0).
 */
export async function trapPointer(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__pointerEvents', { value: seen });
    for (const type of ['pointerdown', 'mousedown', 'click']) {
      window.addEventListener(
        type,
        (event) => {
          if (type === 'click' && (event as MouseEvent).detail === 0) return;
          const target = event.composedPath()[0] as Element;
          seen.push(`${type} on <${target.localName ?? 'document'}> in ${location.origin}`);
        },
        true,
      );
    }
  });
}

/** Fails when a real pointer event happened in any frame of the page since it loaded. */
export async function assertNoPointer(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const seen = await frame.evaluate<string[] | null>('window.__pointerEvents ?? null');
    assert.ok(seen, `the pointer trap is installed in ${frame.url()}`);
    assert.deepEqual(seen, [], `a pointer was used in ${frame.url()}`);
  }
}

/** The focused element, through shadow roots, described for messages. */
async function focusDescription(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => { ${DEEP}
    const el = __deep.active();
    if (!el) return 'nothing';
    const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40) || el.id || '';
    return '<' + el.localName + '> ' + name;
  })()`);
}

/**
 * Fails unless the focused element shows it: `:focus-visible` matches it and it draws an outline or a
 * box shadow. Focus inside a cross-origin frame is checked in that frame.
 */
export async function assertFocusVisible(page: Page): Promise<void> {
  const check = `(() => { ${DEEP}
    const el = __deep.active();
    if (!el || el === document.body) return 'nothing is focused';
    if (el.localName === 'iframe') return 'iframe';
    if (!el.matches(':focus-visible')) return 'no :focus-visible on <' + el.localName + '>';
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    if (!outlined && style.boxShadow === 'none') return 'no outline or shadow on <' + el.localName + '>';
    return 'ok';
  })()`;
  const verdict = await page.evaluate<string>(check);
  if (verdict === 'iframe') {
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    const verdicts = await Promise.all(frames.map((frame) => frame.evaluate<string>(check)));
    assert.ok(verdicts.includes('ok'), `focus visible in a frame (${verdicts.join(', ')})`);
    return;
  }
  assert.equal(verdict, 'ok', `focus visible (${await focusDescription(page)})`);
}

/** Whether `target` holds the focus (through shadow roots). */
function isFocused(target: Locator): Promise<boolean> {
  // A function, not a string (a string is evaluated, not called with the element); it names nothing, so
  // the compiler adds no helper the page lacks.
  return target.evaluate((el) => {
    let active = document.activeElement;
    while (active && active !== el && active.shadowRoot?.activeElement)
      active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking at every stop that the focus is
 * visible; fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    // Past the last control the focus leaves the document (to the browser) and the next press comes back.
    if (await page.evaluate<boolean>('document.activeElement === document.body')) continue;
    await assertFocusVisible(page);
    if (await isFocused(target)) return;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}`);
}

/** Presses Tab until the focus is on `selector` inside the cross-origin `frame`, checking each stop. */
export async function tabIntoFrame(
  page: Page,
  frame: FrameLocator,
  selector: string,
  max = 40,
): Promise<void> {
  const field = frame.locator(selector);
  await field.waitFor();
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>('document.activeElement === document.body')) continue;
    await assertFocusVisible(page);
    if (await field.evaluate((el) => el === document.activeElement && document.hasFocus())) return;
  }
  throw new Error(`${max} presses of Tab never reached ${selector} in the frame`);
}

/**
 * Checks `radio` the keyboard way: Tab into its group (one stop per group), arrow keys to it, Space.
 */
export async function chooseRadio(page: Page, radio: Locator, max = 40): Promise<void> {
  const name = await radio.getAttribute('name');
  const inGroup = () =>
    page.evaluate<boolean>(`(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.localName === 'input' && el.type === 'radio' && el.name === ${JSON.stringify(name)};
    })()`);
  for (let presses = 0; !(await inGroup()); presses += 1) {
    if (presses === max) throw new Error(`${max} presses of Tab never reached the radio group ${name}`);
    await page.keyboard.press('Tab');
  }
  await assertFocusVisible(page);
  for (let presses = 0; !(await isFocused(radio)); presses += 1) {
    if (presses === 20) throw new Error(`the arrow keys never reached ${String(radio)}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press(' ');
  assert.ok(await radio.isChecked(), `${String(radio)} is checked`);
}

/** Tabs to `target` and presses `key` on it (Enter by default). */
export async function activate(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Waits until a live region (role status or alert, or aria-live) anywhere in the portal says `text`. */
export async function announced(page: Page, text: string, timeout = 15_000): Promise<void> {
  // Polled from here: waitForFunction with a string evaluates it in the page, which the CSP refuses.
  const said = `(() => { ${DEEP}
    return __deep.all().filter((el) => {
      const live = el.getAttribute('aria-live');
      const role = el.getAttribute('role');
      return role === 'status' || role === 'alert' || (live && live !== 'off');
    }).map((el) => el.textContent.replace(/\\s+/g, ' ').trim()).filter(Boolean);
  })()`;
  const deadline = Date.now() + timeout;
  let regions: string[] = [];
  while (Date.now() < deadline) {
    regions = await page.evaluate<string[]>(said);
    if (regions.some((region) => region.includes(text))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no live region says "${text}"; they say: ${JSON.stringify(regions)}`);
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe on the whole document for WCAG 2.2 A and AA; fails on any violation, naming each node. */
export async function assertAxeClean(page: Page, step: string): Promise<void> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    // Not addScriptTag: the store page enforces Trusted Types, which refuses a script element's text.
    // Evaluated by the browser's automation, axe runs in the page without weakening its policy.
    await page.evaluate((axeSource ??= readFileSync(AXE_PATH, 'utf8')));
  }
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } })
      .then((result) => result.violations.map(({ id, help, nodes }) =>
        ({ id, help, nodes: nodes.map(({ target }) => ({ target })) })))`,
  );
  const report = violations.map(
    (each) =>
      `${each.id}: ${each.help} — ${each.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
  assert.deepEqual(report, [], `axe at "${step}"`);
}

/**
 * WCAG 2.5.8 Target Size (Minimum) for every visible interactive control inside `<portal-root>`: at least
 * 24 × 24 CSS px, or a 24 px circle centred on it that touches no other target nor another small target's
 * circle (the spacing exception). Links inside a sentence are exempt (the inline exception).
 */
export async function assertTargetSizes(page: Page, step: string): Promise<void> {
  const failures = await page.evaluate<string[]>(`(() => { ${DEEP}
    const root = document.querySelector('portal-root');
    if (!root) return ['no <portal-root>'];
    const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, ' +
      '[role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [tabindex]:not([tabindex="-1"])';
    const targets = [root, ...__deep.all(root)].filter((el) => {
      if (!el.matches(interactive) || el.matches(':disabled')) return false;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
      // Inline: a link in a line of text, whose size the line sets.
      if (el.localName === 'a' && getComputedStyle(el).display === 'inline') {
        const text = el.parentElement?.textContent?.trim() ?? '';
        if (text.length > (el.textContent?.trim().length ?? 0)) return false;
      }
      return true;
    }).map((el) => ({ el, box: el.getBoundingClientRect() }));
    if (targets.length === 0) return ['no interactive control found in the portal'];
    const small = (t) => t.box.width < 24 || t.box.height < 24;
    const centre = (t) => ({ x: t.box.left + t.box.width / 2, y: t.box.top + t.box.height / 2 });
    const distanceToBox = (p, box) => Math.hypot(
      Math.max(box.left - p.x, 0, p.x - box.right), Math.max(box.top - p.y, 0, p.y - box.bottom));
    const name = (el) => '<' + el.localName + '> ' +
      (el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40) || el.getAttribute('name') || '');
    const failures = [];
    for (const t of targets.filter(small)) {
      const c = centre(t);
      const crowded = targets.some((other) => {
        if (other === t || other.el.contains(t.el) || t.el.contains(other.el)) return false;
        if (distanceToBox(c, other.box) < 12) return true;
        if (!small(other)) return false;
        const o = centre(other);
        return Math.hypot(c.x - o.x, c.y - o.y) < 24;
      });
      if (crowded) {
        failures.push(name(t.el) + ' is ' + Math.round(t.box.width) + '×' + Math.round(t.box.height) +
          ' px with another target within 12 px of its centre');
      }
    }
    return failures;
  })()`);
  assert.deepEqual(failures, [], `24 px targets at "${step}"`);
}

/** Every check for one step of a journey: no pointer used, axe clean, 24 px targets. */
export async function checkStep(page: Page, step: string): Promise<void> {
  await assertNoPointer(page);
  await assertAxeClean(page, step);
  await assertTargetSizes(page, step);
}

/**
 * Reflow (WCAG 1.4.10) at the current viewport: no horizontal scroll on the document or inside the
 * portal, every visible control of the portal within the viewport's width, and no text container whose
 * text is wider than its box. Returns what is cut off, one line each.
 */
export async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => { ${DEEP}
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      problems.push('the document scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
    }
    const root = document.querySelector('portal-root');
    const describe = (el) => {
      const host = el.getRootNode().host;
      return (host ? host.localName + ' ' : '') + '<' + el.localName + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
        (el.getAttribute('part') ? ' part=' + el.getAttribute('part') : '') + '> "' + (el.textContent ?? '').trim().slice(0, 30) + '"';
    };
    for (const el of __deep.all(root)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      if (el.matches('a[href], button, input, select, textarea, iframe') && (box.left < -0.5 || box.right > width + 0.5)) {
        problems.push(describe(el) + ' spans ' + Math.round(box.left) + '–' + Math.round(box.right) + ' px');
      }
      // A closed select shows its chosen option on one line and cuts the rest off without overflowing;
      // the text is measured against the room left of the arrow (about 1.25rem in Chromium).
      if (el.localName === 'select' && el.selectedOptions[0]) {
        const context = (window.__measure ??= document.createElement('canvas').getContext('2d'));
        context.font = style.font;
        const text = context.measureText(el.selectedOptions[0].text.trim()).width;
        const room = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 20;
        if (text > room) problems.push(describe(el) + ' cuts its option off: ' + Math.round(text) + ' > ' + Math.round(room));
      }
      // A control's word wider than the control's content box is broken across lines ("Pa" / "y") or
      // cut off; measured with the control's font, generated text (::before) included.
      if (el.matches('a[href], button') && style.display !== 'inline') {
        const context = (window.__measure ??= document.createElement('canvas').getContext('2d'));
        context.font = style.font;
        const generated = getComputedStyle(el, '::before').content;
        const text = (el.textContent ?? '') + ' ' + (/^".*"$/.test(generated) ? generated.slice(1, -1) : '');
        const room = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
        for (const word of text.split(/[\\s-]+/).filter(Boolean)) {
          const wide = context.measureText(word).width;
          if (wide > room + 0.5) problems.push(describe(el) + ' has no room for "' + word + '": ' + Math.round(wide) + ' > ' + Math.round(room));
        }
      }
      if (style.display === 'inline' || el.localName === 'iframe') continue;
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      const hasText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if ((scrolls || hasText) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push(describe(el) + (scrolls ? ' scrolls sideways: ' : ' clips its text: ') + el.scrollWidth + ' > ' + el.clientWidth);
      }
    }
    return problems;
  })()`);
}
