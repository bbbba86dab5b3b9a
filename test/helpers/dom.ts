import { expect } from '@open-wc/testing';

// Finding things in an element's shadow root the way a customer does: by headings, labels, names.

/** Runs of white space as one space (Intl's no-break spaces included). */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Visible text, squashed. */
export function text(node: Node | null | undefined): string {
  return squash(node?.textContent ?? '');
}

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** The element's heading (its first `<h2>`). */
export function heading(el: Element): string {
  return text(root(el).querySelector('h2'));
}

/** Buttons by accessible name: aria-label when they have one, else their text. */
export function buttonsNamed(el: Element, name: string): HTMLButtonElement[] {
  const wanted = squash(name);
  return [...root(el).querySelectorAll('button')].filter(
    (each) => (each.getAttribute('aria-label') ?? text(each)) === wanted,
  );
}

/** The one button with this accessible name. */
export function button(el: Element, name: string): HTMLButtonElement {
  const found = buttonsNamed(el, name);
  expect(found.length, `exactly one button "${name}"`).to.equal(1);
  return found[0];
}

export function hasButton(el: Element, name: string): boolean {
  return buttonsNamed(el, name).length > 0;
}

/** The control a `<label for>` with exactly this text points at. */
export function field<T extends HTMLElement = HTMLInputElement>(el: Element, label: string): T {
  const labels = [...root(el).querySelectorAll('label[for]')].filter((each) => text(each) === label);
  expect(labels.length, `exactly one field labelled "${label}"`).to.equal(1);
  const control = root(el).getElementById(labels[0].getAttribute('for')!);
  expect(control, `a control for "${label}"`).to.exist;
  return control as T;
}

/** A radio by the name it is labelled with (aria-labelledby, else its enclosing label). */
export function radio(el: Element, name: string): HTMLInputElement {
  const found = [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((each) => {
    const ids = each.getAttribute('aria-labelledby');
    const label = ids ? text(root(el).getElementById(ids)) : text(each.closest('label'));
    return label === name;
  });
  expect(found.length, `exactly one radio "${name}"`).to.equal(1);
  return found[0];
}

/** Types into a field as a customer would: focus, value, `input` event. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Checks a radio or picks an option, with the `change` event a customer's choice fires. */
export function choose(control: HTMLInputElement | HTMLSelectElement, value?: string): void {
  if (control instanceof HTMLSelectElement) control.value = value!;
  else control.checked = true;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The text of the nodes with `className` that a control names in aria-describedby (its error, its hint). */
export function describedBy(el: Element, control: Element, className: string): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => root(el).getElementById(id))
    .filter((node) => node?.classList.contains(className))
    .map(text)
    .join(' ');
}

/** The element that has focus, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Names a node for a failure message (chai would otherwise walk the whole element and its adapter). */
export function describeNode(node: Element | null): string {
  return node ? `<${node.localName}${node.id ? `#${node.id}` : ''}> "${text(node).slice(0, 60)}"` : 'nothing';
}

export function expectFocus(target: Element | null, what = 'focus'): void {
  const active = focused();
  expect(active === target, `${what}: expected ${describeNode(target)}, focus is on ${describeNode(active)}`)
    .to.be.true;
}
