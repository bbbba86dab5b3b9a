import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { DialogController } from '../../src/controllers/dialog.js';
import { renderDialog } from '../../src/ui/dialog.js';

class DialogHost extends LitElement {
  locked = false;
  closedWith: string[] = [];
  readonly dialog = new DialogController(this, {
    id: 'confirm',
    canDismiss: () => !this.locked,
    onClose: (value) => this.closedWith.push(value),
  });

  override render() {
    return html`<button id="open" @click=${() => this.dialog.show()}>Remove card</button> ${renderDialog(
        this.dialog,
        {
          id: 'confirm',
          labelledBy: 'confirm-heading',
          content: html`<h2 id="confirm-heading">Remove this card?</h2>
            <form method="dialog">
              <button value="remove">Remove</button>
              <button value="keep">Keep it</button>
            </form>`,
        },
      )}`;
  }
}
customElements.define('dialog-controller-host', DialogHost);

const shadow = (host: DialogHost) => host.shadowRoot!;
const dialogOf = (host: DialogHost) => shadow(host).querySelector('dialog');
const opener = (host: DialogHost) => shadow(host).querySelector<HTMLButtonElement>('#open')!;

/** Opened from the keyboard, as a customer would: a real key press is also the user activation that
 * lets the page refuse an Escape (Chromium ignores preventDefault on `cancel` without one). */
async function opened(): Promise<DialogHost> {
  const host = await fixture<DialogHost>(html`<dialog-controller-host></dialog-controller-host>`);
  opener(host).focus();
  await sendKeys({ press: 'Enter' });
  await host.updateComplete;
  return host;
}

describe('DialogController and renderDialog', () => {
  it('renders no dialog until shown, then a modal one named by its heading', async () => {
    const host = await fixture<DialogHost>(html`<dialog-controller-host></dialog-controller-host>`);
    expect(dialogOf(host)).to.equal(null);
    opener(host).focus();
    opener(host).click();
    await host.updateComplete;
    const dialog = dialogOf(host)!;
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':modal'), 'opened with showModal()').to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('confirm-heading');
    expect(dialog.contains(shadow(host).activeElement), 'focus moved into the dialog').to.be.true;
    await expect(host).to.be.accessible();
  });

  it('closes with the button chosen and gives focus back to the opener', async () => {
    const host = await opened();
    const closed = oneEvent(dialogOf(host)!, 'close');
    [...dialogOf(host)!.querySelectorAll('button')].find((each) => each.value === 'keep')!.click();
    await closed;
    await host.updateComplete;
    expect(dialogOf(host)).to.equal(null);
    expect(host.closedWith).to.deep.equal(['keep']);
    expect(shadow(host).activeElement).to.equal(opener(host));
    expect(host.dialog.open).to.be.false;
  });

  it('closes on Escape, and focus returns', async () => {
    const host = await opened();
    const closed = oneEvent(dialogOf(host)!, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await host.updateComplete;
    expect(dialogOf(host)).to.equal(null);
    expect(host.closedWith).to.deep.equal(['']);
    expect(shadow(host).activeElement).to.equal(opener(host));
  });

  it('stays open on Escape while it may not be dismissed', async () => {
    const host = await opened();
    host.locked = true;
    const cancelled = oneEvent(dialogOf(host)!, 'cancel');
    await sendKeys({ press: 'Escape' });
    expect((await cancelled).defaultPrevented, 'Escape refused').to.be.true;
    await host.updateComplete;
    expect(dialogOf(host)?.open).to.be.true;
    expect(host.closedWith).to.deep.equal([]);
    host.locked = false;
    const closed = oneEvent(dialogOf(host)!, 'close');
    host.dialog.close('done');
    await closed;
    await host.updateComplete;
    expect(dialogOf(host)).to.equal(null);
    expect(host.closedWith).to.deep.equal(['done']);
    expect(shadow(host).activeElement).to.equal(opener(host));
  });
});
