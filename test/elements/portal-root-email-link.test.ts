import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import { button, root, text } from '../helpers/dom.js';

/**
 * An email-change link (`?portal-email-token=`) opening a page with `<portal-root>`: signed in, the
 * Profile section opens on it; signed out, its confirmation shows above the sign-in form (it needs no
 * session), and the Profile section opens after sign-in.
 */

const PARAM = 'portal-email-token';
const NEW_EMAIL = 'ada.king@example.com';

async function adaAsking(): Promise<{ adapter: MemoryAdapter; token: string }> {
  const adapter = new MemoryAdapter();
  await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  await adapter.requestEmailChange({ newEmail: NEW_EMAIL });
  const link = /https?:\/\/\S+/.exec(adapter.outbox.at(-1)?.text ?? '')?.[0] ?? '';
  const token = new URL(link).searchParams.get(PARAM);
  expect(token, 'a token in the emailed link').to.be.a('string');
  return { adapter, token: token! };
}

function openLink(token: string): void {
  const url = new URL(location.href);
  url.searchParams.set(PARAM, token);
  history.replaceState(null, '', url);
}

function profileIn(el: PortalRoot): HTMLElement {
  const profile = root(el).querySelector<HTMLElement>('portal-profile');
  expect(profile, 'a <portal-profile>').to.exist;
  return profile!;
}

async function confirmed(profile: HTMLElement): Promise<void> {
  await waitUntil(() => root(profile)?.querySelector('.confirm'), 'the link’s confirmation');
  button(profile, 'Confirm').click();
  await waitUntil(() => /Your email address is now/.test(text(root(profile))), 'the confirmation');
}

describe('<portal-root> opened from an email-change link', () => {
  let pageUrl: string;
  beforeEach(() => {
    pageUrl = location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  it('opens the Profile section, where the link is confirmed, when the customer is signed in', async () => {
    const { adapter, token } = await adaAsking();
    openLink(token);
    const sections: string[] = [];
    const el = await fixture<PortalRoot>(
      html`<portal-root
        .adapter=${adapter}
        @portal-section=${(event: CustomEvent<{ section: string }>) => sections.push(event.detail.section)}
      ></portal-root>`,
    );
    await waitUntil(() => root(el).querySelector('portal-profile'), 'the Profile section');
    expect(el.section).to.equal('profile');
    expect(sections).to.deep.equal(['profile']);
    expect(text(root(el).querySelector('nav [aria-current="page"]'))).to.equal('Profile');
    await confirmed(profileIn(el));
    expect((await adapter.getCustomer()).email).to.equal(NEW_EMAIL);
    expect(new URL(location.href).searchParams.has(PARAM), 'the used token left the URL').to.equal(false);
  });

  it('confirms before sign-in, then opens the Profile section once signed in with the new address', async () => {
    const { adapter, token } = await adaAsking();
    await adapter.signOut();
    openLink(token);
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await waitUntil(() => el.querySelector('portal-login'), 'the sign-in form');
    const profile = profileIn(el);
    await confirmed(profile);
    expect(root(profile).querySelector('[part="error"]'), 'no "sign in" error beside the outcome').to.equal(
      null,
    );
    expect(root(profile).querySelector('form:not(.confirm)'), 'no details form while signed out').to.equal(
      null,
    );
    await expect(el).to.be.accessible();

    await el.store!.signIn({ email: NEW_EMAIL, password: DEMO_PASSWORD });
    await waitUntil(() => text(root(el)).includes('Signed in as Ada Lovelace'), 'the account');
    expect(el.section).to.equal('profile');
    const details = profileIn(el);
    await waitUntil(() => root(details)?.querySelector('.current'), 'the details');
    expect(text(root(details).querySelector('.current'))).to.contain(NEW_EMAIL);
    expect(root(details).querySelector('.confirm'), 'the used link is not offered again').to.equal(null);
  });

  it('stays on the overview when the page came from no link', async () => {
    const adapter = new MemoryAdapter();
    await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await waitUntil(() => text(root(el)).includes('CUST-0001'), 'the overview');
    expect(el.section).to.equal('overview');
    expect(root(el).querySelector('portal-profile')).to.equal(null);
  });
});
