import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import { signedInAda } from '../helpers/customers.js';
import { button, hasButton, root, text } from '../helpers/dom.js';
import { INV_1009 } from '../helpers/pay-invoice.js';

/**
 * `<portal-root>` fetches the code few pages need only when a page needs it: the account chooser
 * (accounts.ts) for a person with several billing accounts, single-task mode (task-link.ts) for a
 * `task` attribute or a task link. Which modules the page requested is read from the browser's
 * resource timing, watched from before the elements' code is imported, so a static import coming back
 * fails here too.
 */

const requested: string[] = [];
// An observer sees every request from now on, even once the page's resource timing buffer is full.
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) requested.push(entry.name);
}).observe({ type: 'resource' });
await import('../../src/define.js');
const Root = customElements.get('portal-root') as typeof PortalRoot;

/** Whether the page has requested this module of <portal-root> (`accounts`, `task-link`). */
function fetched(module: string): boolean {
  const path = new RegExp(`/elements/portal-root/${module}\\.(js|ts)(\\?|$)`);
  return requested.some((url) => path.test(new URL(url).pathname + new URL(url).search));
}

/** Fails the first `failures` fetches of each part's code, as an offline moment would. */
class FlakyRoot extends Root {
  failures = { accounts: 1, taskLink: 1 };

  override loadAccounts() {
    if (this.failures.accounts-- > 0) return Promise.reject(new TypeError('Failed to fetch'));
    return super.loadAccounts();
  }

  override loadTaskLink() {
    if (this.failures.taskLink-- > 0) return Promise.reject(new TypeError('Failed to fetch'));
    return super.loadTaskLink();
  }
}
customElements.define('flaky-portal-root', FlakyRoot);

/** A root, signed out; Grace (two accounts) then signs in by the link she was emailed. */
async function graceSignsIn(el: PortalRoot, adapter: MemoryAdapter): Promise<void> {
  await waitUntil(() => el.querySelector('portal-login'), 'the sign-in form', { timeout: 3000 });
  await adapter.requestMagicLink({ email: 'grace@example.net' });
  const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)!.text)![1];
  await el.store!.verifyMagicLink({ token });
}

function choices(el: PortalRoot): HTMLButtonElement[] {
  return [...root(el).querySelectorAll<HTMLButtonElement>('.account-choice')];
}

describe('<portal-root> fetches what few pages need only when they need it', () => {
  it('a one-account page with no task fetches neither; several accounts and a task fetch each', async () => {
    const adapter = new MemoryAdapter();
    const ada = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await waitUntil(() => ada.querySelector('portal-login'), 'the sign-in form', { timeout: 3000 });
    await ada.store!.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    await waitUntil(() => text(root(ada)).includes('CUST-0001'), 'Ada’s overview', { timeout: 3000 });
    button(ada, 'Invoices').click();
    await waitUntil(() => root(ada).querySelector('portal-invoices'), 'another section');
    expect(fetched('accounts'), 'no account chooser for one account').to.equal(false);
    expect(fetched('task-link'), 'no single-task mode without a task').to.equal(false);
    expect(hasButton(ada, 'Switch account')).to.equal(false);

    const grace = await fixture<PortalRoot>(
      html`<portal-root .adapter=${new MemoryAdapter()}></portal-root>`,
    );
    await graceSignsIn(grace, grace.adapter as MemoryAdapter);
    await waitUntil(() => choices(grace).length === 2, 'the chooser', { timeout: 3000 });
    expect(fetched('accounts'), 'the chooser’s code, for two accounts').to.equal(true);
    expect(hasButton(grace, 'Switch account'), 'the header’s switcher').to.equal(true);
    // Its styles came with it, adopted by the root's shadow root (no style attribute, no <style>).
    expect(getComputedStyle(choices(grace)[0]).display).to.equal('grid');
    expect(root(grace).querySelector('style, [style]')).to.equal(null);
    expect(fetched('task-link')).to.equal(false);

    ada.task = 'pay-invoice';
    ada.taskInvoice = INV_1009;
    await waitUntil(() => root(ada).querySelector('portal-task'), 'the task', { timeout: 3000 });
    expect(fetched('task-link'), 'single-task mode’s code, once there is a task').to.equal(true);
  });

  it('says so when the chooser’s code cannot be fetched, and “Try again” brings the chooser', async () => {
    const adapter = new MemoryAdapter();
    const el = await fixture<FlakyRoot>(html`<flaky-portal-root .adapter=${adapter}></flaky-portal-root>`);
    await graceSignsIn(el, adapter);
    await waitUntil(() => root(el).querySelector('.main [role="alert"]'), 'the error', { timeout: 3000 });
    expect(choices(el)).to.have.length(0);
    expect(root(el).querySelector('nav'), 'no section in the chooser’s place').to.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'Try again').click();
    await waitUntil(() => choices(el).length === 2, 'the chooser', { timeout: 3000 });
    expect(root(el).querySelector('[role="alert"]'), 'the error is gone').to.equal(null);
    expect(hasButton(el, 'Switch account')).to.equal(true);
    choices(el)[1].click();
    await waitUntil(() => text(root(el)).includes('Account: Ada Lovelace'), 'Ada’s account');
    await waitUntil(() => text(root(el)).includes('CUST-0001'), 'her overview');
  });

  it('a page opened signed in offers “Switch account” even when the chooser’s code failed, to try again', async () => {
    const adapter = new MemoryAdapter();
    await adapter.requestMagicLink({ email: 'grace@example.net' });
    await adapter.verifyMagicLink({
      token: /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)!.text)![1],
    });
    const el = await fixture<FlakyRoot>(html`<flaky-portal-root .adapter=${adapter}></flaky-portal-root>`);
    await waitUntil(() => hasButton(el, 'Switch account'), 'the way to the chooser', { timeout: 3000 });
    expect(root(el).querySelector('nav'), 'her portal, no chooser forced on a restored session').to.exist;
    button(el, 'Switch account').click();
    await waitUntil(() => root(el).querySelector('.main [role="alert"]'), 'the error in the chooser’s place');
    button(el, 'Try again').click();
    await waitUntil(() => choices(el).length === 2, 'the chooser', { timeout: 3000 });
    await expect(el).to.be.accessible();
  });

  it('says so when single-task mode’s code cannot be fetched, and “Try again” shows the task', async () => {
    const el = await fixture<FlakyRoot>(
      html`<flaky-portal-root
        .adapter=${await signedInAda()}
        task="pay-invoice"
        task-invoice=${INV_1009}
      ></flaky-portal-root>`,
    );
    await waitUntil(() => root(el).querySelector('.main [role="alert"]'), 'the error', { timeout: 3000 });
    expect(root(el).querySelector('nav'), 'never the sections in the task’s place').to.equal(null);
    expect(text(root(el)), 'nor the overview').not.to.contain('CUST-0001');
    await expect(el).to.be.accessible();

    button(el, 'Try again').click();
    await waitUntil(
      () => root(el).querySelector('portal-task')?.shadowRoot?.querySelector('h2'),
      'the task',
      {
        timeout: 3000,
      },
    );
    expect(text(root(root(el).querySelector('portal-task')!).querySelector('h2'))).to.equal('Pay an invoice');
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });
});
