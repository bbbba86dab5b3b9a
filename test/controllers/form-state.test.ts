import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { FormStateController } from '../../src/controllers/form-state.js';
import { deferred } from '../helpers/deferred.js';

/** A small form: one field that must not be blank, sent through the busy guard. */
class FormHost extends LitElement {
  readonly form = new FormStateController<'save'>(this);
  value = '';
  sent = 0;
  gate = deferred<void>();

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.value === '') {
      this.form.showAllErrors();
      return;
    }
    await this.form.submit('save', async () => {
      this.sent += 1;
      await this.gate.promise;
    });
  }

  override render() {
    const error = this.form.errorFor('name', this.value === '' ? 'Required' : null);
    return html`<form @submit=${this.onSubmit}>
      <label for="name">Name</label>
      <input
        id="name"
        .value=${this.value}
        aria-invalid=${error ? 'true' : 'false'}
        @input=${(event: Event) => {
          this.value = (event.target as HTMLInputElement).value;
          this.form.edited('name');
          this.requestUpdate();
        }}
        @blur=${() => this.form.touch('name')}
      />
      ${error ? html`<span class="error">${error}</span>` : null}
      <button>${this.form.busy ? 'Saving' : 'Save'}</button>
    </form>`;
  }
}
customElements.define('form-state-controller-host', FormHost);

const errorOf = (host: FormHost) => host.shadowRoot!.querySelector('.error')?.textContent ?? null;
const input = (host: FormHost) => host.shadowRoot!.querySelector('input')!;
const submitButton = (host: FormHost) => host.shadowRoot!.querySelector('button')!;

describe('FormStateController', () => {
  it('shows no problem before the customer leaves the field or submits', async () => {
    const host = await fixture<FormHost>(html`<form-state-controller-host></form-state-controller-host>`);
    expect(errorOf(host)).to.equal(null);
    input(host).focus();
    input(host).blur();
    await host.updateComplete;
    expect(errorOf(host), 'touched').to.equal('Required');
  });

  it('shows every problem after a refused submit, touched or not', async () => {
    const host = await fixture<FormHost>(html`<form-state-controller-host></form-state-controller-host>`);
    submitButton(host).click();
    await host.updateComplete;
    expect(form(host).showAll).to.be.true;
    expect(errorOf(host)).to.equal('Required');
    form(host).reset();
    await host.updateComplete;
    expect(errorOf(host), 'a reset form shows nothing').to.equal(null);
  });

  it('places server field errors on fields, reports those it cannot place, and clears one when edited', async () => {
    const host = await fixture<FormHost>(html`<form-state-controller-host></form-state-controller-host>`);
    const unplaced = form(host).placeServerErrors(
      [
        { path: 'name', code: 'taken' },
        { path: 'name', code: 'too_long' },
        { path: 'cardToken', code: 'invalid' },
      ],
      (fieldError) =>
        fieldError.path === 'name' ? { id: 'name', message: `Server says ${fieldError.code}` } : null,
    );
    expect(unplaced).to.deep.equal([{ path: 'cardToken', code: 'invalid' }]);
    await host.updateComplete;
    expect(errorOf(host), 'the first error of a field wins').to.equal('Server says taken');
    expect(input(host).getAttribute('aria-invalid')).to.equal('true');

    input(host).focus();
    await sendKeys({ type: 'A' });
    await host.updateComplete;
    expect(errorOf(host)).to.equal(null);
    expect(form(host).serverErrors.size).to.equal(0);
  });

  it('sends one request however often the customer submits while it runs', async () => {
    const host = await fixture<FormHost>(html`<form-state-controller-host></form-state-controller-host>`);
    input(host).focus();
    await sendKeys({ type: 'Ada' });
    submitButton(host).click();
    submitButton(host).click();
    input(host).focus();
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    expect(host.sent).to.equal(1);
    expect(form(host).busy).to.equal('save');
    expect(submitButton(host).textContent).to.equal('Saving');
    expect(
      form(host).submit('save', () => Promise.resolve()),
      'refused while busy',
    ).to.equal(null);

    host.gate.resolve();
    await waitUntil(() => host.form.busy === null, 'the request finished');
    await host.updateComplete;
    expect(form(host).busy).to.equal(null);
    submitButton(host).click();
    await host.updateComplete;
    expect(host.sent, 'a new submit once the first is done').to.equal(2);
  });

  it('frees the guard when the request fails', async () => {
    const host = await fixture<FormHost>(html`<form-state-controller-host></form-state-controller-host>`);
    const failing = form(host).submit('save', () => Promise.reject(new Error('down')));
    expect(form(host).busy).to.equal('save');
    const error = await failing!.then(
      () => null,
      (reason: Error) => reason,
    );
    expect(error?.message).to.equal('down');
    expect(form(host).busy).to.equal(null);
  });
});

function form(host: FormHost): FormStateController<'save'> {
  return host.form;
}
