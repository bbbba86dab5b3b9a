import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import { PortalError } from '../../src/contract/errors.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import type { Session, SwitchAccount } from '../../src/model/index.js';

const GRACE = 'grace@example.net';

function text(el: PortalRoot): string {
  return el.shadowRoot!.textContent ?? '';
}

function button(el: PortalRoot, label: RegExp): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((each) =>
    label.test(each.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${String(label)}`);
  return found;
}

function invoicesText(el: PortalRoot): string {
  return el.shadowRoot!.querySelector('portal-invoices')?.shadowRoot?.textContent ?? '';
}

/** A root, signed out; Grace then signs in by the link she was emailed, as the sign-in form does. */
async function graceSignsIn(adapter: MemoryAdapter): Promise<PortalRoot> {
  const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
  await waitUntil(() => el.querySelector('portal-login'), 'the sign-in form', { timeout: 3000 });
  await adapter.requestMagicLink({ email: GRACE });
  const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)!.text)![1];
  await el.store!.verifyMagicLink({ token });
  return el;
}

async function chooser(el: PortalRoot): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelectorAll('.account-choice').length === 2, 'the chooser', {
    timeout: 3000,
  });
}

class RefusingAdapter extends MemoryAdapter {
  override switchAccount(_input: SwitchAccount): Promise<Session> {
    return Promise.reject(new PortalError('unavailable', 'the billing backend is down'));
  }
}

describe('<portal-root> with several billing accounts per person', () => {
  it('asks a person with two accounts to choose one after signing in, then opens it', async () => {
    const el = await graceSignsIn(new MemoryAdapter());
    await chooser(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'H2', 'focus on the chooser heading');
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Choose a billing account');
    const choices = [...el.shadowRoot!.querySelectorAll('.account-choice')];
    expect(choices.map((each) => each.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Analytical Engines Ltd Customer code CUST-0002 Open now',
      'Ada Lovelace Customer code CUST-0001',
    ]);
    expect(choices[0].getAttribute('aria-current')).to.equal('true');
    await expect(el).to.be.accessible();

    (choices[1] as HTMLButtonElement).click();
    await waitUntil(() => text(el).includes('Account: Ada Lovelace'), 'the header names the account');
    await waitUntil(() => text(el).includes('CUST-0001'), 'Ada’s overview');
    expect(el.shadowRoot!.querySelector('.account-choice'), 'the chooser is gone').to.equal(null);
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Overview');
    await expect(el).to.be.accessible();
  });

  it('switches from the header without signing out, and shows nothing of the previous account', async () => {
    const el = await graceSignsIn(new MemoryAdapter());
    await chooser(el);
    button(el, /Analytical Engines Ltd/).click();
    await waitUntil(() => text(el).includes('Account: Analytical Engines Ltd'));
    button(el, /^\s*Invoices\s*$/).click();
    await waitUntil(() => invoicesText(el).includes('INV-0301'), 'Analytical Engines’ invoices');
    expect(invoicesText(el)).not.to.contain('INV-1009');

    button(el, /Switch account/).click();
    await chooser(el);
    button(el, /Ada Lovelace/).click();
    await waitUntil(() => text(el).includes('Account: Ada Lovelace'));
    await waitUntil(() => invoicesText(el).includes('INV-1009'), 'Ada’s invoices, in the same section');
    expect(invoicesText(el), 'nothing of the previous account').not.to.contain('INV-0301');
    expect(el.querySelector('portal-login'), 'still signed in').to.equal(null);
  });

  it('says so when a switch fails, and stays on the account it was on', async () => {
    const el = await graceSignsIn(new RefusingAdapter());
    await chooser(el);
    button(el, /Ada Lovelace/).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error');
    expect(el.store!.session.status === 'signed_in' && el.store!.session.session.customerCode).to.equal(
      'CUST-0002',
    );
    expect(el.shadowRoot!.querySelectorAll('.account-choice').length, 'the chooser stays').to.equal(2);
    expect(button(el, /Ada Lovelace/).disabled, 'another try is possible').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows no chooser and no switcher to someone with one account', async () => {
    const adapter = new MemoryAdapter();
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await waitUntil(() => el.querySelector('portal-login'), 'the sign-in form', { timeout: 3000 });
    await el.store!.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    await waitUntil(() => text(el).includes('CUST-0001'), 'Ada’s overview');
    expect(el.shadowRoot!.querySelector('.account-choice')).to.equal(null);
    expect(text(el)).not.to.contain('Switch account');
  });
});
