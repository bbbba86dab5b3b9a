import { fixture, html, waitUntil } from '@open-wc/testing';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import '../../src/elements/portal-subscriptions/define.js';
import type { PortalSubscriptions } from '../../src/elements/portal-subscriptions/portal-subscriptions.js';
import type { CardFieldsProvider } from '../../src/providers/card-fields.js';
import { buttonsNamed, root, text } from './dom.js';

// <portal-subscriptions> as a customer meets it: cards by plan name, buttons by accessible name, the
// panel's heading, fields by label.

export const ROASTERS = "Roaster's Choice Monthly";

export async function mountSubscriptions(
  adapter: PortalAdapter,
  options: { cardFields?: CardFieldsProvider } = {},
): Promise<PortalSubscriptions> {
  const el = await fixture<PortalSubscriptions>(
    html`<portal-subscriptions .adapter=${adapter} .cardFields=${options.cardFields}></portal-subscriptions>`,
  );
  await waitUntil(
    () =>
      !root(el).querySelector('.loading') && root(el).querySelector('.subscription, .empty, [part="error"]'),
    'the subscriptions load',
    { timeout: 3000 },
  );
  await el.updateComplete;
  return el;
}

export async function settle(
  el: { updateComplete: Promise<unknown> },
  until: () => unknown,
  what: string,
): Promise<void> {
  await waitUntil(until, what, { timeout: 3000 });
  await el.updateComplete;
}

/** The card of the subscription to this plan. */
export function card(el: PortalSubscriptions, plan: string): HTMLElement | undefined {
  return [...root(el).querySelectorAll<HTMLElement>('.subscription')].find(
    (each) => text(each.querySelector('h3')) === plan,
  );
}

/** The open flow's heading, or '' on the list. */
export function panelHeading(el: PortalSubscriptions): string {
  return text(root(el).querySelector('.panel h3'));
}

/** Waits for the button with this accessible name (a step that is loading), then clicks it. */
export async function press(el: PortalSubscriptions, name: string): Promise<void> {
  await settle(el, () => buttonsNamed(el, name).length === 1 && !el.busy, `a button "${name}"`);
  buttonsNamed(el, name)[0].click();
  await el.updateComplete;
}

/** The input labelled `label` in the shadow root. */
export function field(el: PortalSubscriptions, label: string): HTMLInputElement | HTMLTextAreaElement {
  const control = findField(el, label);
  if (!control) throw new Error(`no field "${label}"`);
  return control;
}

function findField(el: PortalSubscriptions, label: string): HTMLInputElement | null {
  const found = [...root(el).querySelectorAll('label')].find((each) => text(each).startsWith(label));
  const id = found?.htmlFor;
  return (id ? root(el).getElementById(id) : found?.querySelector('input')) as HTMLInputElement | null;
}

/** Sets a field's value as typing would (an input event), once the step showing it has loaded. */
export async function fill(el: PortalSubscriptions, label: string, value: string): Promise<void> {
  await settle(el, () => findField(el, label), `a field "${label}"`);
  const input = field(el, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The panel's field error of the control labelled `label`. */
export function fieldError(el: PortalSubscriptions, label: string): string {
  const input = field(el, label);
  return text(root(el).getElementById(`${input.id}-error`));
}

export function notice(el: PortalSubscriptions): string {
  return text(root(el).querySelector('[part="notice"]'));
}

/** A fact's value ("Due today" → "$12.00") in the open panel or a card. */
export function fact(scope: Element | ShadowRoot, label: string): string {
  const term = [...scope.querySelectorAll('dt')].find((each) => text(each) === label);
  return text(term?.nextElementSibling);
}
