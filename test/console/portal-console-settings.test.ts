import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../../src/contract/errors.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-settings/define.js';
import type { PortalConsoleSettings } from '../../src/console/elements/portal-console-settings/portal-console-settings.js';
import { button, field, root, text } from '../helpers/dom.js';

// The merchant's view of Settings: toggles by label, problems at the field, the confirmation announced.

async function mount(adapter: ConsoleMemoryAdapter): Promise<PortalConsoleSettings> {
  const el = await fixture<PortalConsoleSettings>(
    html`<portal-console-settings .adapter=${adapter}></portal-console-settings>`,
  );
  await waitUntil(() => root(el).querySelector('form'), 'the settings load', { timeout: 3000 });
  return el;
}

function errorAt(el: PortalConsoleSettings, control: HTMLElement): string {
  return text(root(el).getElementById(`${control.id}-error`));
}

async function toggle(el: PortalConsoleSettings, label: string): Promise<HTMLInputElement> {
  const box = field(el, label);
  box.click();
  await el.updateComplete;
  return box;
}

describe('<portal-console-settings>', () => {
  it('shows every group of settings as labelled controls, accessibly', async () => {
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    const legends = [...root(el).querySelectorAll('legend')].map((each) => text(each));
    expect(legends).to.include.members([
      'Sign-in',
      'New accounts',
      'Payment methods',
      'Customer details',
      'Invoices and payments',
      'Subscriptions',
      'Plans customers manage themselves',
      'Cancellation reasons',
      'Retention offer',
      'Quick order',
    ]);
    expect(field(el, 'Customers can add cards').checked).to.be.true;
    expect(field(el, 'Most payment methods in one split').value).to.equal('4');
    expect(field(el, 'Customers can subscribe to plan_wholesale').checked).to.be.false;
    expect(field(el, 'Reason 1').value).to.equal('It costs too much');
    await expect(el).to.be.accessible();
  });

  it('saves a change with a confirmation that is announced', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    await toggle(el, 'Customers can add cards');
    await toggle(el, 'Customers can remove cards');
    await toggle(el, 'Keep at least one card on file');
    expect(text(root(el).querySelector('.bar'))).to.contain('You have unsaved changes.');
    button(el, 'Save settings').click();
    await waitUntil(() => root(el).querySelector('.alert.success'), 'saved');
    expect(text(root(el).querySelector('.alert.success'))).to.contain('Settings saved.');
    expect(text(root(el).querySelector('[role=status]'))).to.contain('Settings saved.');
    expect(adapter.settings.paymentMethods.addCards).to.be.false;
    expect(adapter.settings.paymentMethods.removeCards).to.be.false;
    expect(adapter.settings.branding.merchantName, 'branding untouched').to.equal(
      'Northwind Coffee Roasters',
    );
  });

  it('explains an invalid combination at the field at once, and refuses to save it', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    await toggle(el, 'Customers can add cards');
    await toggle(el, 'Customers can remove cards');
    const onFile = field(el, 'Keep at least one card on file');
    expect(onFile.getAttribute('aria-invalid')).to.equal('true');
    expect(errorAt(el, onFile)).to.contain('Customers can neither add nor remove cards');
    button(el, 'Save settings').click();
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'refused');
    expect(text(root(el).querySelector('[role=alert]'))).to.contain('need your attention');
    await waitUntil(() => root(el).activeElement === onFile, 'focus on the first problem');
    expect(adapter.settings.paymentMethods.addCards, 'nothing saved').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('puts the server’s field errors at the same fields and keeps what was typed', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    adapter.adminUpdateSettings = () =>
      Promise.reject(
        new PortalError('validation', 'refused', {
          fieldErrors: [{ path: 'subscriptions.maxPauseDays', code: 'too_large' }],
        }),
      );
    const el = await mount(adapter);
    const days = field(el, 'Longest pause, in days');
    days.focus();
    days.select();
    await sendKeys({ type: '120' });
    button(el, 'Save settings').click();
    await waitUntil(() => errorAt(el, days), 'the field error shows');
    expect(errorAt(el, days)).to.equal('Enter a whole number from 1 to 365.');
    expect(days.value, 'the typed value stays').to.equal('120');
  });

  it('never says saved when the answer was lost, and keeps the changes', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    adapter.adminUpdateSettings = () => Promise.reject(new PortalError('network', 'offline'));
    const el = await mount(adapter);
    await toggle(el, 'Customers can download invoices as PDF');
    button(el, 'Save settings').click();
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'the failure shows');
    expect(text(root(el).querySelector('[role=alert]'))).to.contain('could not confirm');
    expect(root(el).querySelector('.alert.success')).to.equal(null);
    expect(field(el, 'Customers can download invoices as PDF').checked).to.be.false;
  });

  it('adds and removes cancellation reasons and plan rules', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    button(el, 'Add a reason').click();
    await el.updateComplete;
    const fifth = field(el, 'Reason 5');
    expect(errorAt(el, fifth)).to.contain('Give the reason a label');
    fifth.focus();
    await sendKeys({ type: 'Moving abroad' });
    button(el, 'Remove the reason “It costs too much”').click();
    const planId = field(el, 'Plan id');
    planId.focus();
    await sendKeys({ type: 'plan_gift' });
    button(el, 'Add a plan rule').click();
    await el.updateComplete;
    button(el, 'Save settings').click();
    await waitUntil(() => root(el).querySelector('.alert.success'), 'saved');
    const saved = adapter.settings.subscriptions;
    expect(saved.cancellationReasons.map((each) => each.label)).to.deep.equal([
      'I have more coffee than I can drink',
      'I don’t use it enough',
      'I found another roaster',
      'Moving abroad',
    ]);
    expect(saved.plans.at(-1)).to.deep.equal({
      planId: 'plan_gift',
      allowSubscribing: true,
      allowCancelling: true,
    });
  });

  it('shows an error with a retry when the settings cannot be read', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const real = adapter.adminGetSettings.bind(adapter);
    let fail = true;
    adapter.adminGetSettings = (input, options) =>
      fail ? Promise.reject(new PortalError('unavailable', 'down')) : real(input, options);
    const el = await fixture<PortalConsoleSettings>(
      html`<portal-console-settings .adapter=${adapter}></portal-console-settings>`,
    );
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'the error shows');
    fail = false;
    button(el, 'Try again').click();
    await waitUntil(() => root(el).querySelector('form'), 'the settings load');
  });
});
