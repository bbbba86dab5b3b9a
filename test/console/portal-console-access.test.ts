import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-access/define.js';
import type { PortalConsoleAccess } from '../../src/console/elements/portal-console-access/portal-console-access.js';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { PortalError } from '../../src/contract/errors.js';
import { button, choose, describedBy, expectFocus, field, radio, root, text, type } from '../helpers/dom.js';
import { announced, settle, tableRows, withOverrides } from './people-helpers.js';

// The merchant's passwordless rules: rows by account, the form by its labels, refusals at the field.

async function mount(adapter: ConsoleAdapter): Promise<PortalConsoleAccess> {
  const el = await fixture<PortalConsoleAccess>(
    html`<portal-console-access .adapter=${adapter}></portal-console-access>`,
  );
  await settle(
    el,
    () => root(el).querySelector('tbody tr, .empty, [part="error"]') && accountOptions(el).length > 0,
    'the rules and the accounts load',
  );
  return el;
}

function accountOptions(el: PortalConsoleAccess): string[] {
  return [...root(el).querySelectorAll('select[name="customerId"] option')]
    .map((each) => text(each))
    .slice(1);
}

function accountSelect(el: PortalConsoleAccess): HTMLSelectElement {
  return field<HTMLSelectElement>(el, 'Billing account');
}

function dialog(el: PortalConsoleAccess): HTMLDialogElement | null {
  return root(el).querySelector('dialog');
}

async function pickAccount(el: PortalConsoleAccess, search: string, customerId: string): Promise<void> {
  type(field(el, 'Find the billing account'), search);
  await settle(el, () => accountOptions(el).length === 1, `one account matches "${search}"`);
  choose(accountSelect(el), customerId);
  await el.updateComplete;
}

function submit(el: PortalConsoleAccess): void {
  button(el, 'Grant access').click();
}

describe('<portal-console-access>', () => {
  it('lists each rule with its billing account’s code, accessibly', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await expect(el).to.be.accessible();
    expect(tableRows(el).map((cells) => cells.slice(0, 3))).to.deep.equal([
      ['CUST-0001', 'Single address', 'grace@example.net'],
      ['CUST-0002', 'Email domain', 'analytical.example'],
      ['CUST-0002', 'Single address', 'grace@example.net'],
    ]);
    expect(accountOptions(el)).to.include('CUST-0001 — Ada Lovelace');
  });

  it('draws the kind of rule as a group of radio cards, the chosen one outlined', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    const group = root(el).querySelector('fieldset.choices')!;
    expect(group, 'the kinds are a .choices group').to.exist;
    expect(getComputedStyle(group).display).to.equal('grid');
    expect(getComputedStyle(group).borderTopStyle, 'the group itself draws no box').to.equal('none');
    const cards = [...group.querySelectorAll('label.choice')];
    expect(cards.map((card) => text(card))).to.deep.equal(['Email domain', 'Single address']);
    for (const card of cards) expect(getComputedStyle(card).borderTopStyle).to.equal('solid');
    const outlined = () => cards.map((card) => getComputedStyle(card).boxShadow !== 'none');
    expect(outlined()).to.deep.equal([true, false]);
    choose(radio(el, 'Single address'), undefined);
    await el.updateComplete;
    expect(outlined()).to.deep.equal([false, true]);
    expect(radio(el, 'Single address').getBoundingClientRect().height).to.be.at.least(24);
  });

  it('grants a domain to an account found by search, and announces it', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await pickAccount(el, 'mary', 'cus_new');
    type(field(el, 'Email domain'), 'Somerville.example');
    submit(el);
    await settle(
      el,
      () => tableRows(el).some((cells) => cells[2] === 'somerville.example'),
      'the rule is listed',
    );
    expect(tableRows(el).find((cells) => cells[2] === 'somerville.example')![0]).to.equal('CUST-0003');
    expect(announced(el)).to.equal('somerville.example now opens CUST-0003.');
    expect(field(el, 'Email domain').value, 'a fresh form').to.equal('');
  });

  it('checks the account and the value at their fields before sending anything', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    let sent = 0;
    const adapter = withOverrides(memory, {
      adminAddAccessRule: (input) => {
        sent += 1;
        return memory.adminAddAccessRule(input);
      },
    });
    const el = await mount(adapter);
    type(field(el, 'Email domain'), 'not a domain');
    submit(el);
    await el.updateComplete;
    expect(sent).to.equal(0);
    expect(describedBy(el, accountSelect(el), 'error')).to.equal('Choose the billing account.');
    expect(describedBy(el, field(el, 'Email domain'), 'error')).to.equal(
      'Enter a domain such as example.com.',
    );
    await settle(el, () => root(el).activeElement === accountSelect(el), 'focus goes to the first problem');
    choose(radio(el, 'Single address'), undefined);
    await el.updateComplete;
    type(field(el, 'Email address'), 'nope@');
    await el.updateComplete;
    expect(describedBy(el, field(el, 'Email address'), 'error')).to.equal(
      'Enter an email address such as name@example.com.',
    );
    await expect(el).to.be.accessible();
  });

  it('names the rule an overlapping one collides with, at the field', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await pickAccount(el, 'analytical', 'cus_analytical');
    choose(radio(el, 'Single address'), undefined);
    await el.updateComplete;
    type(field(el, 'Email address'), 'someone@analytical.example');
    submit(el);
    await settle(el, () => describedBy(el, field(el, 'Email address'), 'error'), 'the refusal shows');
    expect(describedBy(el, field(el, 'Email address'), 'error')).to.equal(
      'This overlaps the domain rule analytical.example on CUST-0002.',
    );
    expectFocus(field(el, 'Email address'), 'focus goes to the field');
    type(field(el, 'Email address'), 'someone@else.example');
    await el.updateComplete;
    expect(describedBy(el, field(el, 'Email address'), 'error'), 'editing clears the refusal').to.equal('');
  });

  it('removes a rule after confirming; focus goes to the heading and the removal is announced', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    const remove = button(el, 'Remove grace@example.net from CUST-0002');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    expect(text(dialog(el)!.querySelector('h3'))).to.equal('Remove grace@example.net from CUST-0002?');
    await sendKeys({ press: 'Escape' });
    await settle(el, () => !dialog(el), 'Escape keeps it');
    expectFocus(remove, 'focus returns to Remove');
    remove.click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens again');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el, () => tableRows(el).length === 2, 'the rule is gone');
    expect(announced(el)).to.equal('grace@example.net no longer opens CUST-0002.');
    await settle(el, () => root(el).activeElement === root(el).querySelector('h2'), 'focus on the heading');
  });

  it('shows a refused removal in the confirmation', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(
      withOverrides(memory, {
        adminRemoveAccessRule: () => Promise.reject(new PortalError('not_found', 'gone')),
      }),
    );
    button(el, 'Remove analytical.example from CUST-0002').click();
    await settle(el, () => dialog(el)?.open, 'the confirmation opens');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el, () => dialog(el)?.querySelector('.alert.error'), 'the refusal shows');
    expect(text(dialog(el)!.querySelector('.alert.error'))).to.equal(
      'We could not find what you were looking for.',
    );
    expect(tableRows(el).length).to.equal(3);
  });

  it('shows an empty list, and a failed read with a retry', async () => {
    const memory = new ConsoleMemoryAdapter({ signedIn: true });
    let fail = true;
    const el = await mount(
      withOverrides(memory, {
        adminListAccessRules: () =>
          fail ? Promise.reject(new PortalError('timeout', 'slow')) : Promise.resolve([]),
      }),
    );
    expect(text(root(el).querySelector('[part="error"] p'))).to.equal(
      'The billing service took too long to answer. Please try again.',
    );
    fail = false;
    button(el, 'Try again').click();
    await settle(el, () => root(el).querySelector('.empty'), 'the empty list');
    expect(text(root(el).querySelector('.empty'))).to.equal(
      'No passwordless access yet: customers sign in with their password.',
    );
  });
});
