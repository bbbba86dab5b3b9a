import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-customers/define.js';
import type { PortalConsoleCustomers } from '../../src/console/elements/portal-console-customers/portal-console-customers.js';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { PortalError } from '../../src/contract/errors.js';
import { button, expectFocus, field, root, text } from '../helpers/dom.js';
import { announced, firstCells, settle, tableRows, withOverrides } from './people-helpers.js';

// The merchant's view of their customers: rows by code, actions by name, what is announced and focused.

async function mount(adapter: ConsoleAdapter): Promise<PortalConsoleCustomers> {
  const el = await fixture<PortalConsoleCustomers>(
    html`<portal-console-customers
      .adapter=${adapter}
      portal-api="/no-portal-here"
    ></portal-console-customers>`,
  );
  await settle(el, () => root(el).querySelector('tbody tr, .empty, [part="error"]'), 'the customers load');
  return el;
}

function dialog(el: PortalConsoleCustomers): HTMLDialogElement | null {
  return root(el).querySelector('dialog');
}

/** A customer's action button, by the customer's name and the button's. */
function action(el: PortalConsoleCustomers, customer: string, name: string): HTMLButtonElement {
  const group = root(el).querySelector(`[role="group"][aria-label="Actions for ${customer}"]`);
  const found = [...(group?.querySelectorAll('button') ?? [])].find((each) => text(each) === name);
  expect(found, `"${name}" for ${customer}`).to.exist;
  return found!;
}

function rowOf(el: PortalConsoleCustomers, code: string): string[] {
  const found = tableRows(el).find((cells) => cells[0] === code);
  expect(found, `a row ${code}`).to.exist;
  return found!;
}

describe('<portal-console-customers>', () => {
  it('lists each customer’s code, name, email, portal state and last sign-in, accessibly', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await expect(el).to.be.accessible();
    expect(firstCells(el)).to.deep.equal(['CUST-0001', 'CUST-0002', 'CUST-0003', 'CUST-0004']);
    const [code, name, email, state] = rowOf(el, 'CUST-0001');
    expect([code, name, email, state]).to.deep.equal([
      'CUST-0001',
      'Ada Lovelace',
      'ada@example.com',
      'Active',
    ]);
    expect(rowOf(el, 'CUST-0003')[3]).to.equal('Must change password');
    expect(rowOf(el, 'CUST-0004')[3]).to.equal('Locked');
    expect(rowOf(el, 'CUST-0001')[4], 'Ada signed in recently').to.not.equal('Never');
    expect(button(el, 'Reset password and unlock'), 'the locked customer offers reset and unlock').to.exist;
  });

  it('searches as the merchant types, once typing pauses, and keeps the focus in the search box', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    const search = field(el, 'Search customers');
    search.focus();
    await sendKeys({ type: 'mary' });
    await settle(el, () => firstCells(el).join() === 'CUST-0003', 'only Mary is listed');
    expectFocus(search, 'the search box keeps the focus');
    search.select();
    await sendKeys({ type: 'zzz' });
    await settle(el, () => root(el).querySelector('.empty'), 'nobody matches');
    expect(text(root(el).querySelector('.empty'))).to.equal('No customer matches “zzz”.');
    expectFocus(search, 'still in the search box');
  });

  it('pages forward and back over the customers, keeping the focus on the pager', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true, extraCustomers: 30 }));
    expect(firstCells(el).length).to.equal(20);
    expect(text(root(el).querySelector('.pager'))).to.contain('Page 1');
    const next = button(el, 'Next page');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => firstCells(el)[0] === 'CUST-0021', 'the second page');
    expect(firstCells(el).at(-1)).to.equal('CUST-0034');
    expect(next.getAttribute('aria-disabled'), 'no third page').to.equal('true');
    expectFocus(button(el, 'Next page'), 'focus stays on the pager');
    button(el, 'Previous page').click();
    await settle(el, () => firstCells(el)[0] === 'CUST-0001', 'back on the first page');
  });

  it('locks a customer after confirming, announces it and offers reset-and-unlock instead', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    action(el, 'Ada Lovelace', 'Lock').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    expect(text(dialog(el)!.querySelector('h3'))).to.equal('Lock Ada Lovelace out of the portal?');
    await expect(el).to.be.accessible();
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el, () => rowOf(el, 'CUST-0001')[3] === 'Locked', 'Ada is locked');
    expect(dialog(el)).to.equal(null);
    expect(announced(el)).to.equal('Ada Lovelace is locked out of the portal.');
    expect(rowOf(el, 'CUST-0001')[5]).to.contain('Reset password and unlock');
  });

  it('isolates a name with a right-to-left override: in its cell and in the confirmation’s heading', async () => {
    // A customer can type U+202E into their own name; it must not reorder the console's words around it.
    const name = 'Ada \u202Eevil';
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(
      withOverrides(memory, {
        adminListCustomers: async (query) => {
          const found = await memory.adminListCustomers(query);
          const items = found.items.map((each) =>
            each.customerCode === 'CUST-0001' ? { ...each, name } : each,
          );
          return { ...found, items };
        },
      }),
    );
    const row = [...root(el).querySelectorAll('tbody tr')].find(
      (each) => text(each.querySelector('th')) === 'CUST-0001',
    )!;
    const cell = row.children[1];
    expect(cell.children.length, 'the name alone in its cell').to.equal(1);
    expect(cell.firstElementChild!.localName).to.equal('bdi');
    expect(cell.firstElementChild!.textContent, 'the override is closed inside').to.equal(`${name}\u202C`);
    action(el, name, 'Lock').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    const heading = dialog(el)!.querySelector('h3')!;
    const bdi = heading.querySelector('bdi');
    expect(bdi, 'the name is isolated').to.exist;
    expect(bdi!.textContent).to.equal(`${name}\u202C`);
    expect(heading.textContent).to.equal(`Lock ${name}\u202C out of the portal?`);
    await expect(el).to.be.accessible();
  });

  it('resets and unlocks a locked customer after confirming', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    button(el, 'Reset password and unlock').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    expect(text(dialog(el)!.querySelector('h3'))).to.equal(
      'Reset the password of Charles Babbage and unlock them?',
    );
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el, () => rowOf(el, 'CUST-0004')[3] !== 'Locked', 'Charles is unlocked');
    expect(announced(el)).to.equal('Charles Babbage is unlocked and a password reset email is on its way.');
  });

  it('sends an activation email to a customer who never activated, after confirming', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true, extraCustomers: 2 }));
    expect(rowOf(el, 'CUST-0006')[3]).to.equal('Never activated');
    expect(rowOf(el, 'CUST-0001')[5], 'an active customer is not offered one').to.not.contain('activation');
    action(el, 'Customer 0006', 'Send activation email').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(
      el,
      () => rowOf(el, 'CUST-0006')[3] === 'Must change password',
      'the list shows the new state',
    );
    expect(announced(el)).to.equal('An activation email is on its way to Customer 0006.');
  });

  it('keeps the confirmation open with the refusal in it; Escape closes it and focus returns to the action', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    const adapter = withOverrides(memory, {
      adminLockCustomer: () => Promise.reject(new PortalError('forbidden', 'no')),
    });
    const el = await mount(adapter);
    const lock = action(el, 'Ada Lovelace', 'Lock');
    lock.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el, () => dialog(el)?.querySelector('.alert.error'), 'the refusal shows');
    expect(text(dialog(el)!.querySelector('.alert.error'))).to.equal(
      'This action is not available for your account.',
    );
    expect(rowOf(el, 'CUST-0001')[3]).to.equal('Active');
    await sendKeys({ press: 'Escape' });
    await settle(el, () => !dialog(el), 'the confirmation closes');
    expectFocus(lock, 'focus returns to Lock');
  });

  it('never calls a lost answer done or failed: it says so at the customer and reads the list again', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    let reads = 0;
    const adapter = withOverrides(memory, {
      adminListCustomers: (query) => {
        reads += 1;
        return memory.adminListCustomers(query);
      },
      adminLockCustomer: async (input) => {
        await memory.adminLockCustomer(input);
        throw new PortalError('network', 'the answer was lost');
      },
    });
    const el = await mount(adapter);
    const readsBefore = reads;
    action(el, 'Ada Lovelace', 'Lock').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el, () => rowOf(el, 'CUST-0001')[3] === 'Locked', 'the list read again shows what happened');
    expect(reads).to.equal(readsBefore + 1);
    expect(text(root(el).querySelector('.row-problem'))).to.contain(
      'We could not tell whether that was done.',
    );
    expect(announced(el)).to.contain('We could not tell whether that was done.');
    expect(announced(el)).to.not.contain('is locked out');
  });

  it('previews the portal as a customer with a read-only grant, and closes back to the list', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    const asked: string[] = [];
    const adapter = withOverrides(memory, {
      adminPreviewCustomer: (input) => {
        asked.push(input.customerId);
        return memory.adminPreviewCustomer(input);
      },
    });
    const el = await mount(adapter);
    const preview = action(el, 'Ada Lovelace', 'Preview as this customer');
    preview.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => root(el).querySelector('portal-root'), 'the portal shows');
    expect(asked).to.deep.equal(['cus_ada']);
    const portal = root(el).querySelector('portal-root')!;
    expect(portal.getAttribute('api')).to.equal('/no-portal-here');
    expect(portal.getAttribute('session-token')).to.match(/^preview_/);
    expect(customElements.get('portal-root'), 'the portal’s code was loaded').to.exist;
    const heading = root(el).querySelector('.preview h3')!;
    expect(text(heading)).to.equal('Previewing the portal as Ada Lovelace');
    await waitUntil(() => root(el).activeElement === heading, 'focus moves to the preview’s heading');
    expect(root(el).querySelector('table'), 'the list is hidden while previewing').to.equal(null);
    button(el, 'Close preview').click();
    await settle(el, () => root(el).querySelector('table'), 'the list is back');
    expect(root(el).querySelector('portal-root')).to.equal(null);
    await waitUntil(
      () => text(root(el).activeElement) === 'Preview as this customer',
      'focus returns to the customer’s preview button',
    );
    expect(announced(el)).to.equal('Preview closed.');
  });

  it('shows a failed preview at the customer’s actions', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    const adapter = withOverrides(memory, {
      adminPreviewCustomer: () => Promise.reject(new PortalError('not_found', 'gone')),
    });
    const el = await mount(adapter);
    action(el, 'Ada Lovelace', 'Preview as this customer').click();
    await settle(el, () => root(el).querySelector('.row-problem'), 'the failure shows');
    expect(text(root(el).querySelector('.row-problem'))).to.equal(
      'We could not find what you were looking for.',
    );
    expect(root(el).querySelector('portal-root')).to.equal(null);
  });

  it('shows a failed read with a retry that reads again', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    let fail = true;
    const adapter = withOverrides(memory, {
      adminListCustomers: (query) =>
        fail ? Promise.reject(new PortalError('unavailable', 'down')) : memory.adminListCustomers(query),
    });
    const el = await mount(adapter);
    expect(text(root(el).querySelector('[part="error"] p'))).to.equal(
      'The billing service is unavailable right now. Please try again later.',
    );
    fail = false;
    button(el, 'Try again').click();
    await settle(el, () => firstCells(el).length === 4, 'the customers load');
  });
});
