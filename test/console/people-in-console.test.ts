import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console/define.js';
import type { PortalConsole } from '../../src/console/elements/portal-console/portal-console.js';
import { text } from '../helpers/dom.js';

// The people sections inside the shell: reached from its navigation, fed by its adapter (no property).

function section(el: PortalConsole, tag: string): Element | null {
  return el.shadowRoot!.querySelector(tag);
}

describe('the people sections in <portal-console>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('opens Customers, Access and Access logs from the navigation, each reading through the console’s adapter', async () => {
    const el = await fixture<PortalConsole>(
      html`<portal-console .adapter=${new ConsoleMemoryAdapter({ signedIn: true })}></portal-console>`,
    );
    const open = async (name: string, tag: string, ready: string) => {
      await waitUntil(
        () => [...el.shadowRoot!.querySelectorAll('nav a')].some((a) => text(a) === name),
        `${name} is listed`,
        { timeout: 3000 },
      );
      [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => text(a) === name)!.click();
      await waitUntil(() => section(el, tag)?.shadowRoot?.querySelector(ready), `${name} shows its content`, {
        timeout: 3000,
      });
      return section(el, tag)!;
    };
    const customers = await open('Customers', 'portal-console-customers', 'tbody tr');
    expect(text(customers.shadowRoot!.querySelector('tbody tr th'))).to.equal('CUST-0001');
    expect(customers.getAttribute('portal-api')).to.equal(`${location.origin}/portal-api`);
    expect(location.hash).to.equal('#customers');
    const access = await open('Access', 'portal-console-access', 'tbody tr');
    expect(text(access.shadowRoot!.querySelector('tbody tr th'))).to.equal('CUST-0001');
    const logs = await open('Access logs', 'portal-console-logs', 'tbody tr');
    expect(text(logs.shadowRoot!.querySelector('tbody tr td'))).to.equal('Succeeded');
    await expect(el).to.be.accessible();
  });
});
