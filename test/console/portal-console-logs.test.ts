import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-logs/define.js';
import type { PortalConsoleLogs } from '../../src/console/elements/portal-console-logs/portal-console-logs.js';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { PortalError } from '../../src/contract/errors.js';
import { button, choose, describedBy, expectFocus, field, root, text, type } from '../helpers/dom.js';
import { announced, settle, tableRows, withOverrides } from './people-helpers.js';

// The merchant's access log: rows as shown, filters by their labels, the CSV as downloaded.

const NOW = new Date('2026-11-29T12:00:00Z');

async function mount(adapter: ConsoleAdapter): Promise<PortalConsoleLogs> {
  const el = await fixture<PortalConsoleLogs>(
    html`<portal-console-logs .adapter=${adapter}></portal-console-logs>`,
  );
  await settle(el, () => root(el).querySelector('tbody tr, .empty, [part="error"]'), 'the log loads');
  return el;
}

function memory(): ConsoleMemoryAdapter {
  return new ConsoleMemoryAdapter({ signedIn: true, now: () => NOW });
}

/** Result, code and email of each row. */
function attempts(el: PortalConsoleLogs): string[] {
  return tableRows(el).map(([, result, code, email]) => `${result} ${code} ${email}`);
}

/** Records the files the section hands to the browser, and the URLs it revokes. */
function watchDownloads() {
  const created: { url: string; blob: Blob }[] = [];
  const revoked: string[] = [];
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = (blob: Blob) => {
    const url = create.call(URL, blob);
    created.push({ url, blob: blob });
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revoke.call(URL, url);
  };
  return {
    created,
    revoked,
    restore: () => ((URL.createObjectURL = create), (URL.revokeObjectURL = revoke)),
  };
}

describe('<portal-console-logs>', () => {
  it('lists sign-in attempts newest first with result, customer code, email, IP and method, accessibly', async () => {
    const el = await mount(memory());
    await expect(el).to.be.accessible();
    expect(attempts(el).slice(0, 4)).to.deep.equal([
      'Succeeded CUST-0001 ada@example.com',
      'Succeeded CUST-0002 grace@example.net',
      'Failed CUST-0004 locked@example.com',
      'Failed Unknown nobody@example.com',
    ]);
    const [, , , , ip, method, reason] = tableRows(el)[2];
    expect([ip, method, reason]).to.deep.equal(['192.0.2.44', 'Password', 'account_locked']);
    expect(tableRows(el).length).to.equal(20);
  });

  it('filters by result and customer when the merchant presses Show, and says when nothing matches', async () => {
    const el = await mount(memory());
    choose(field<HTMLSelectElement>(el, 'Result'), 'failure');
    type(field(el, 'Customer'), 'cust-0004');
    button(el, 'Show').click();
    await settle(
      el,
      () => attempts(el).every((each) => each === 'Failed CUST-0004 locked@example.com'),
      'only Charles’s failures',
    );
    expect(tableRows(el).length).to.equal(10);
    type(field(el, 'Customer'), 'nobody-at-all');
    field(el, 'Customer').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => root(el).querySelector('.empty'), 'nothing matches');
    expect(text(root(el).querySelector('.empty'))).to.equal('No sign-in attempt matches these filters.');
    button(el, 'Clear filters').click();
    await settle(el, () => tableRows(el).length === 20, 'everything again');
    expect(field<HTMLSelectElement>(el, 'Result').value).to.equal('');
  });

  it('filters by date range and refuses a range that ends before it starts, at the field', async () => {
    const el = await mount(memory());
    type(field(el, 'From'), '2026-11-28');
    type(field(el, 'To'), '2026-11-27');
    button(el, 'Show').click();
    await el.updateComplete;
    expect(describedBy(el, field(el, 'To'), 'error')).to.equal('The end date is before the start date.');
    await settle(el, () => root(el).activeElement === field(el, 'To'), 'focus goes to the end date');
    type(field(el, 'To'), '2026-11-28');
    button(el, 'Show').click();
    await settle(el, () => tableRows(el).length === 1, 'only yesterday’s attempt');
    expect(attempts(el)).to.deep.equal(['Succeeded CUST-0001 ada@example.com']);
  });

  it('pages forward and back', async () => {
    const el = await mount(memory());
    const first = attempts(el);
    const next = button(el, 'Next page');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => text(root(el).querySelector('.pager')).includes('Page 2'), 'the second page');
    expect(attempts(el)).to.not.deep.equal(first);
    expectFocus(button(el, 'Next page'), 'focus stays on the pager');
    button(el, 'Previous page').click();
    await settle(el, () => text(root(el).querySelector('.pager')).includes('Page 1'), 'the first page');
    expect(attempts(el)).to.deep.equal(first);
  });

  it('exports the attempts matching the filters shown as a CSV file, and revokes its URL afterwards', async () => {
    const downloads = watchDownloads();
    try {
      const el = await mount(memory());
      choose(field<HTMLSelectElement>(el, 'Result'), 'failure');
      button(el, 'Show').click();
      await settle(el, () => attempts(el).every((each) => each.startsWith('Failed')), 'failures only');
      button(el, 'Export CSV').click();
      await settle(el, () => downloads.created.length === 1, 'a file is handed to the browser');
      const csv = await downloads.created[0].blob.text();
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).to.equal('at,result,method,email,ip,customer_code,reason');
      expect(lines.length).to.equal(17);
      expect(lines.slice(1).every((line) => line.includes(',failure,'))).to.be.true;
      await settle(el, () => announced(el) === 'access-logs.csv downloaded.', 'the download is announced');
      button(el, 'Export CSV').click();
      await settle(el, () => downloads.created.length === 2, 'a second file');
      expect(downloads.revoked).to.deep.equal([downloads.created[0].url]);
      el.remove();
      expect(downloads.revoked).to.deep.equal([downloads.created[0].url, downloads.created[1].url]);
    } finally {
      downloads.restore();
    }
  });

  it('shows a failed export beside the filters, and a failed read with a retry', async () => {
    const base = memory();
    let fail = true;
    const el = await mount(
      withOverrides(base, {
        adminListAccessLogs: (query) =>
          fail ? Promise.reject(new PortalError('unavailable', 'down')) : base.adminListAccessLogs(query),
        adminExportAccessLogs: () =>
          Promise.reject(new PortalError('rate_limited', 'slow down', { retryAfterSeconds: 30 })),
      }),
    );
    expect(text(root(el).querySelector('[part="error"] p'))).to.contain('unavailable');
    fail = false;
    button(el, 'Try again').click();
    await settle(el, () => tableRows(el).length === 20, 'the log loads');
    button(el, 'Export CSV').click();
    await settle(el, () => root(el).querySelector('.filters .alert.error'), 'the export failure shows');
    expect(text(root(el).querySelector('.filters .alert.error'))).to.equal(
      'Too many attempts. Please wait a moment and try again. You can try again in 30 seconds.',
    );
  });
});
