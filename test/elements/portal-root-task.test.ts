import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import type { PortalTask } from '../../src/elements/portal-task/portal-task.js';
import { taskLink } from '../../src/rules/task-links.js';
import { signedInAda } from '../helpers/customers.js';
import { button, root, text } from '../helpers/dom.js';
import { INV_1009 } from '../helpers/pay-invoice.js';

/**
 * `<portal-root>` in single-task mode: `task="…"` (or a `?portal-task=` link) shows that one task in place
 * of the sections, behind the sign-in form when signed out.
 */

async function taskIn(el: PortalRoot): Promise<PortalTask> {
  await waitUntil(() => root(el).querySelector('portal-task')?.shadowRoot?.querySelector('h2'), 'the task', {
    timeout: 4000,
  });
  return root(el).querySelector<PortalTask>('portal-task')!;
}

describe('<portal-root> with a task', () => {
  let pageUrl: string;
  beforeEach(() => {
    pageUrl = location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  it('shows only the task: no section navigation, no overview', async () => {
    const el = await fixture<PortalRoot>(
      html`<portal-root
        .adapter=${await signedInAda()}
        task="pay-invoice"
        task-invoice=${INV_1009}
      ></portal-root>`,
    );
    const task = await taskIn(el);
    expect(text(root(task).querySelector('h2'))).to.equal('Pay an invoice');
    expect(root(el).querySelector('nav'), 'no navigation').to.equal(null);
    expect(text(root(el)), 'no overview').not.to.contain('CUST-0001');
    expect(text(root(el))).to.contain('Signed in as Ada Lovelace');
    await waitUntil(() => root(task).querySelector('portal-pay-invoice'), 'the pay flow');
    await expect(el).to.be.accessible();
  });

  it('waits behind the sign-in form, then opens the task after sign-in with focus on it', async () => {
    const adapter = new MemoryAdapter();
    const el = await fixture<PortalRoot>(
      html`<portal-root
        .adapter=${adapter}
        task="replace-payment-method"
        task-payment-method="pm_ada_mastercard"
      ></portal-root>`,
    );
    await waitUntil(() => el.querySelector('portal-login'), 'the sign-in form');
    expect(root(el).querySelector('portal-task'), 'no task while signed out').to.equal(null);
    await el.store!.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    const task = await taskIn(el);
    expect(text(root(task).querySelector('h2'))).to.equal('Replace a card');
    await waitUntil(
      () => document.activeElement === el && root(el).activeElement === task,
      'focus on the task',
    );
  });

  it('shows a refusal in the task’s place and leaves the page to decide', async () => {
    let cancelled = 0;
    const el = await fixture<PortalRoot>(
      html`<portal-root
        .adapter=${await signedInAda()}
        task="pay-invoice"
        task-invoice="inv_ada_1006"
        @portal-task-cancel=${() => (cancelled += 1)}
      ></portal-root>`,
    );
    const task = await taskIn(el);
    await waitUntil(() => root(task).querySelector('[part="refusal"]'), 'the refusal');
    expect(text(root(task).querySelector('[part="refusal"]'))).to.equal(
      'There is nothing left to pay on INV-1006.',
    );
    expect(cancelled).to.equal(0);
    expect(root(el).querySelector('nav'), 'still only the task').to.equal(null);
  });

  it('opens the task an emailed link names, and after Cancel shows the portal with the link gone', async () => {
    const link = taskLink(location.href, { task: 'pay-invoice', id: INV_1009 });
    history.replaceState(null, '', link);
    const events: string[] = [];
    const el = await fixture<PortalRoot>(
      html`<portal-root
        .adapter=${await signedInAda()}
        @portal-task-cancel=${() => events.push('cancel')}
      ></portal-root>`,
    );
    const task = await taskIn(el);
    expect(text(root(task).querySelector('h2'))).to.equal('Pay an invoice');
    expect(root(el).querySelector('nav')).to.equal(null);
    await waitUntil(() => root(task).querySelector('portal-pay-invoice'), 'the pay flow');
    button(task, 'Cancel').click();
    expect(events).to.deep.equal(['cancel']);
    await waitUntil(() => root(el).querySelector('nav'), 'the portal');
    expect(new URL(location.href).searchParams.has('portal-task'), 'the link left the address').to.equal(
      false,
    );
    expect(new URL(location.href).searchParams.has('portal-task-invoice')).to.equal(false);
  });

  it('ignores a link whose id is not shaped like one', async () => {
    const url = new URL(location.href);
    url.searchParams.set('portal-task', 'pay-invoice');
    url.searchParams.set('portal-task-invoice', '<img src=x>');
    history.replaceState(null, '', url);
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${await signedInAda()}></portal-root>`);
    await waitUntil(() => root(el).querySelector('nav'), 'the usual portal');
    expect(root(el).querySelector('portal-task')).to.equal(null);
  });
});
