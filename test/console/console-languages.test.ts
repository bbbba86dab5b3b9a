import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import { consoleAccessMessages } from '../../src/console/elements/portal-console-access/messages.js';
import { brandingMessages } from '../../src/console/elements/portal-console-branding/messages.js';
import { consoleCustomersMessages } from '../../src/console/elements/portal-console-customers/messages.js';
import { consoleLogsMessages } from '../../src/console/elements/portal-console-logs/messages.js';
import { settingsMessages } from '../../src/console/elements/portal-console-settings/messages.js';
import { shareMessages } from '../../src/console/elements/portal-console-share/messages.js';
import { signInMessages } from '../../src/console/elements/portal-console-sign-in/messages.js';
import '../../src/console/elements/portal-console-customers/define.js';
import '../../src/console/elements/portal-console-share/define.js';
import '../../src/console/elements/portal-console/define.js';
import { shellMessages } from '../../src/console/elements/portal-console/messages.js';
import type { PortalConsole } from '../../src/console/elements/portal-console/portal-console.js';
import {
  type MessageNamespace,
  type Translation,
  loadMessages,
  readyMessages,
} from '../../src/core/i18n/index.js';
import { text } from '../helpers/dom.js';
import { informalSpanish } from '../helpers/register.js';
import { tableRows } from './people-helpers.js';
import { shape } from '../helpers/catalogs.js';

// The merchant console in the portal's five languages: its catalogs are complete in each, fetched on
// first use, and the console (signed in, a section open) follows the locale and the page's lang, right to
// left in Arabic.

const namespaces: MessageNamespace[] = [
  shellMessages,
  signInMessages,
  settingsMessages,
  brandingMessages,
  consoleCustomersMessages,
  consoleAccessMessages,
  consoleLogsMessages,
  shareMessages,
];
const TRANSLATIONS: Translation[] = ['fr', 'es', 'de', 'ar'];

/** Every message of a catalog, a function's called with sample values. */
function strings(catalog: unknown): string[] {
  if (typeof catalog === 'string') return [catalog];
  if (typeof catalog === 'function') return [String((catalog as (...a: unknown[]) => string)('X', 'Y', 'Z'))];
  if (catalog && typeof catalog === 'object') return Object.values(catalog).flatMap(strings);
  return [];
}

/** The customers section in Arabic, loaded, with Ada's row of actions. */
async function arabicCustomers() {
  const el = await fixture<HTMLElement>(
    html`<portal-console-customers
      locale="ar"
      portal-api="/no-portal-here"
      .adapter=${new ConsoleMemoryAdapter({ signedIn: true })}
    ></portal-console-customers>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr'), 'the customers load', { timeout: 5000 });
  const ar = await consoleCustomersMessages.load.ar();
  const group = el.shadowRoot!.querySelector(`[role="group"][aria-label="${ar.actionsFor('Ada Lovelace')}"]`);
  return { el, ar, group };
}

function nav(el: PortalConsole): HTMLAnchorElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
}

/** The console signed in, on `#customers`, once the Customers section shows its rows. */
async function consoleOnCustomers(template: ReturnType<typeof html>): Promise<{
  el: PortalConsole;
  customers: HTMLElement;
}> {
  history.replaceState(null, '', '#customers');
  const wrapper = await fixture<HTMLElement>(template);
  const el = (wrapper.localName === 'portal-console' ? wrapper : wrapper.querySelector('portal-console'))!;
  const console = el as PortalConsole;
  await waitUntil(
    () =>
      console.shadowRoot!.querySelector('portal-console-customers')?.shadowRoot?.querySelector('tbody tr'),
    'Customers shows its rows',
    { timeout: 5000 },
  );
  const customers = console.shadowRoot!.querySelector<HTMLElement>('portal-console-customers')!;
  return { el: console, customers };
}

describe('the console in five languages', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('has no Spanish in its code: a console namespace downloads it, as a module of its own, on first use', async () => {
    expect(readyMessages('es', shellMessages), 'nothing Spanish yet').to.equal(null);
    // Watched as the page's resource timings, like the customer catalogs' loading test: a module the
    // console imported statically would have come with it, and would not be fetched now.
    const seen: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ type: 'resource' });
    const spanish = await loadMessages('es', shellMessages);
    seen.push(...observer.takeRecords());
    observer.disconnect();
    expect(spanish.consoleShell.sections.settings).to.equal('Configuración');
    const fetched = seen
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\/portal-console\/messages\.es\.ts$|\/i18n\/es\.ts$/.test(path));
    expect(fetched.map((path) => path.split('/src/')[1]).sort()).to.deep.equal([
      'console/elements/portal-console/messages.es.ts',
      'core/i18n/es.ts',
    ]);
  });

  it('fills every console namespace in fr, es, de and ar with English’s shape, nothing empty or left in English', async () => {
    for (const namespace of namespaces) {
      const english = new Set(strings(namespace.en));
      for (const language of TRANSLATIONS) {
        const catalog = await namespace.load[language]();
        const where = `${namespace.name} (${language})`;
        expect(shape(catalog), where).to.deep.equal(shape(namespace.en));
        const own = strings(catalog);
        expect(
          own.filter((each) => each.trim() === ''),
          `${where}: empty messages`,
        ).to.deep.equal([]);
        // Words such as "Code", "Logo", "Actions" or "Pages" are the same in some languages.
        const untranslated = own.filter((each) => english.has(each) && /[a-z]{4,}/.test(each));
        expect(untranslated.length, `${where} left in English: ${untranslated.join(', ')}`).to.be.below(4);
      }
    }
  });

  it('speaks Spanish with usted, like the customer portal, never tú', async () => {
    for (const namespace of namespaces) {
      expect(informalSpanish(await namespace.load.es()), namespace.name).to.deep.equal([]);
    }
  });

  it('says "too many attempts" with each language’s plural of minutes', async () => {
    const ar = await signInMessages.load.ar();
    const wordings = [1, 2, 3, 11].map((minutes) => ar.tooManyAttempts(minutes));
    expect(new Set(wordings).size, wordings.join(' | ')).to.equal(4);
    expect(wordings[1]).to.contain('دقيقتين');
    expect((await signInMessages.load.de()).tooManyAttempts(1)).to.contain('1 Minute ');
    expect((await signInMessages.load.fr()).tooManyAttempts(5)).to.contain('5 minutes');
  });

  it('shows the signed-in console in French, a section open, with French from the common catalog too', async () => {
    const { el, customers } = await consoleOnCustomers(
      html`<portal-console
        locale="fr"
        .adapter=${new ConsoleMemoryAdapter({ signedIn: true })}
      ></portal-console>`,
    );
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Console marchand');
    expect(nav(el).map((a) => text(a))).to.deep.equal([
      'Paramètres',
      'Image de marque',
      'Clients',
      'Accès',
      'Journal des accès',
      'Partager',
    ]);
    expect(text(el.shadowRoot!.querySelector('#section-heading'))).to.equal('Clients');
    expect(el.shadowRoot!.querySelector('header button')!.textContent.trim()).to.equal('Se déconnecter');
    // The section takes the console's locale through its context.
    expect(customers.getAttribute('dir')).to.equal('ltr');
    const headers = [...customers.shadowRoot!.querySelectorAll('thead th')].map((th) => text(th));
    expect(headers).to.include.members(['Nom', 'État du portail', 'Dernière connexion']);
    expect(text(customers.shadowRoot!.querySelector('label'))).to.equal('Rechercher des clients');
    const states = tableRows(customers).map((cells) => cells[3]);
    expect(states).to.include('Actif');
    expect(
      states.some((state) => /Active|Locked/.test(state)),
      states.join(', '),
    ).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('follows an Arabic page: right to left, the navigation on the right, Arabic words', async () => {
    await setViewport({ width: 1000, height: 800 });
    const { el, customers } = await consoleOnCustomers(
      html`<div lang="ar">
        <portal-console .adapter=${new ConsoleMemoryAdapter({ signedIn: true })}></portal-console>
      </div>`,
    );
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.matches(':dir(rtl)')).to.equal(true);
    expect(customers.getAttribute('dir')).to.equal('rtl');
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('لوحة التاجر');
    expect(text(nav(el)[0])).to.equal('الإعدادات');
    expect(text(el.shadowRoot!.querySelector('#section-heading'))).to.equal('العملاء');
    expect(text(customers.shadowRoot!.querySelector('label'))).to.equal('البحث عن العملاء');
    // Right to left, the first grid column (the navigation) is on the right of the section.
    const navBox = el.shadowRoot!.querySelector('nav')!.getBoundingClientRect();
    const mainBox = el.shadowRoot!.querySelector('main')!.getBoundingClientRect();
    expect(navBox.left, 'the navigation is right of the section').to.be.greaterThan(mainBox.right - 1);
    await expect(el).to.be.accessible();
  });

  it('asks a signed-out merchant to sign in in Arabic, the light-DOM form right to left', async () => {
    const el = await fixture<PortalConsole>(
      html`<portal-console locale="ar" .adapter=${new ConsoleMemoryAdapter()}></portal-console>`,
    );
    const form = await waitUntil(
      () => el.querySelector('portal-console-sign-in')?.querySelector('h2'),
      'the sign-in form renders',
      { timeout: 5000 },
    ).then(() => el.querySelector<HTMLElement>('portal-console-sign-in')!);
    expect(text(form.querySelector('h2'))).to.equal('تسجيل الدخول إلى لوحة التاجر');
    expect(form.getAttribute('dir')).to.equal('rtl');
    const labels = [...form.querySelectorAll('label')].map((label) => text(label));
    expect(labels).to.include('كلمة المرور');
    await expect(el).to.be.accessible();
  });

  it('previews the portal as a customer in the console’s language', async () => {
    const { el, ar, group } = await arabicCustomers();
    const preview = [...group!.querySelectorAll('button')].find((each) => text(each) === ar.preview);
    expect(preview, 'Ada’s preview button, in Arabic').to.exist;
    preview!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('portal-root'), 'the portal shows', { timeout: 5000 });
    expect(text(el.shadowRoot!.querySelector('.preview h3'))).to.equal(ar.previewHeading('Ada Lovelace'));
    expect(el.shadowRoot!.querySelector('portal-root')!.getAttribute('locale')).to.equal('ar');
  });

  it('isolates a Latin name inside an Arabic sentence: the lock confirmation’s heading', async () => {
    const { el, ar, group } = await arabicCustomers();
    [...group!.querySelectorAll('button')].find((each) => text(each) === ar.lock)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog h3'), 'the confirmation opens', {
      timeout: 5000,
    });
    const heading = el.shadowRoot!.querySelector('dialog h3')!;
    expect(heading.textContent).to.equal(ar.lockHeading('Ada Lovelace'));
    expect(heading.querySelector('bdi')?.textContent, 'the Latin name in its own <bdi>').to.equal(
      'Ada Lovelace',
    );
    const cell = [...el.shadowRoot!.querySelectorAll('tbody td')].find((td) => text(td) === 'Ada Lovelace');
    expect(cell?.firstElementChild?.localName, 'the name cell isolates it too').to.equal('bdi');
  });

  it('shows the share link and the snippet left to right in an Arabic console', async () => {
    const el = await fixture<HTMLElement>(
      html`<portal-console-share
        locale="ar"
        portal-url="https://shop.example/account"
        script-url="https://shop.example/portal.js"
        api-url="https://shop.example/portal-api"
      ></portal-console-share>`,
    );
    await waitUntil(() => el.getAttribute('dir') === 'rtl', 'the section turns right to left', {
      timeout: 5000,
    });
    await waitUntil(() => el.shadowRoot!.querySelector('#snippet'), 'the snippet shows', { timeout: 5000 });
    for (const id of ['link', 'snippet']) {
      const control = el.shadowRoot!.getElementById(id)!;
      expect(control.getAttribute('dir'), id).to.equal('ltr');
      expect(getComputedStyle(control).direction, id).to.equal('ltr');
    }
    expect(getComputedStyle(el.shadowRoot!.querySelector('label')!).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('follows the page’s lang when it changes', async () => {
    const before = document.documentElement.getAttribute('lang');
    try {
      const { el } = await consoleOnCustomers(
        html`<portal-console .adapter=${new ConsoleMemoryAdapter({ signedIn: true })}></portal-console>`,
      );
      expect(text(nav(el)[0])).to.equal('Settings');
      document.documentElement.setAttribute('lang', 'de');
      await waitUntil(() => text(nav(el)[0]) === 'Einstellungen', 'the console turns German', {
        timeout: 5000,
      });
      const customers = el.shadowRoot!.querySelector('portal-console-customers')!;
      await waitUntil(
        () => text(customers.shadowRoot!.querySelector('label')) === 'Kunden suchen',
        'the open section turns German too',
        { timeout: 5000 },
      );
    } finally {
      if (before === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', before);
    }
  });
});
