import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { en } from '../../../src/core/i18n/en.js';
import { renderField } from '../../../src/ui/form/field.js';
import { currencyAdornment, renderMoneyInput } from '../../../src/ui/form/money-input.js';
import { emailField, moneyAmountField, newPasswordFields } from '../../../src/ui/form/specs.js';

class FieldHost extends LitElement {
  override render() {
    return html`${renderField(
      moneyAmountField({ path: 'amount', label: 'Amount', currency: 'EUR', hint: 'Up to 10 €' }),
      {
        id: 'amount',
        value: '12,50',
        error: 'Too much',
        t: en,
        locale: 'fr-FR',
      },
    )}`;
  }
}
customElements.define('ui-field-host', FieldHost);

/**
 * A plain container in the page. (open-wc's `fixture` waits an animation frame for an element that is not
 * a Lit element, and a test page in the background gets none.)
 */
let containers: HTMLDivElement[] = [];
function lightContainer(): HTMLDivElement {
  const container = document.body.appendChild(document.createElement('div'));
  containers.push(container);
  return container;
}

describe('ui/form renderField and renderMoneyInput', () => {
  afterEach(() => {
    for (const container of containers) container.remove();
    containers = [];
  });

  it('ties label, hint and error to the control in the light DOM', async () => {
    const container = lightContainer();
    const [password] = newPasswordFields(en, 'newPassword', true);
    render(
      renderField(password, {
        id: 'np',
        value: '',
        error: 'Use at least 8 characters.',
        t: en,
        locale: 'en',
      }),
      container,
    );
    const input = container.querySelector('input')!;
    expect(input.getRootNode()).to.equal(document);
    expect(input.labels?.[0]?.textContent?.trim()).to.equal(en.fields.newPassword);
    expect(input.type).to.equal('password');
    expect(input.autocomplete).to.equal('new-password');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const described = input
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).to.deep.equal([en.fields.passwordHint, 'Use at least 8 characters.']);
    await expect(container).to.be.accessible();
  });

  it('marks an optional field, and not a read-only one', () => {
    const container = lightContainer();
    const optional = { path: 'company', label: en.fields.company, kind: 'input' as const, required: false };
    render(
      html`${renderField(optional, { id: 'c', value: '', t: en, locale: 'en' })}
      ${renderField(emailField(en, true), { id: 'e', value: 'ada@example.com', t: en, locale: 'en' })}`,
      container,
    );
    const [company, email] = [...container.querySelectorAll('label')].map((label) =>
      label.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(company).to.equal(`${en.fields.company} (${en.common.optional})`);
    expect(email).to.equal(en.fields.email);
    expect(container.querySelector<HTMLInputElement>('#e')!.readOnly).to.be.true;
  });

  it('draws a money field in a shadow root with the currency where the locale writes it', async () => {
    const host = await fixture<FieldHost>(html`<ui-field-host></ui-field-host>`);
    const input = host.shadowRoot!.querySelector('input')!;
    expect(input.inputMode).to.equal('decimal');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('Amount');
    expect(host.shadowRoot!.querySelector('.money-input')!.classList.contains('suffix')).to.be.true;
    expect(host.shadowRoot!.querySelector('.currency')!.getAttribute('aria-hidden')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('amount-hint amount-error');
    await expect(host).to.be.accessible();
  });

  it('puts the sign before the number in en-US and after it in fr-FR', () => {
    expect(currencyAdornment('USD', 'en-US')).to.deep.equal({ sign: '$', position: 'prefix' });
    expect(currencyAdornment('EUR', 'fr-FR')).to.deep.equal({ sign: '€', position: 'suffix' });
    const container = lightContainer();
    render(renderMoneyInput({ id: 'm', value: '5', currency: 'JPY', locale: 'ja-JP' }), container);
    expect(container.querySelector('.money-input')!.classList.contains('prefix')).to.be.true;
    expect(container.querySelector('input')!.value).to.equal('5');
  });
});
