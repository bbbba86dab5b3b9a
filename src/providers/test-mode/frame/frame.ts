import type { CardFieldError } from '../../card-fields.js';
import {
  type CardInput,
  type FieldName,
  checkCard,
  formatExpiry,
  formatNumber,
  maxNumberLength,
  needsChallenge,
  onlyDigits,
  tokenFor,
} from '../card-rules.js';
import { type CardFieldsMessages, cardFieldsMessages } from '../messages.js';
import { type Body, type FromFrame, STYLE_PROPERTIES, message, parseToFrame } from '../protocol.js';

/**
 * The test-mode card fields page. It runs on its own origin inside an iframe of the portal's page, keeps
 * the card number to itself, and talks to its parent only by postMessage: to the origin named in its URL
 * (`#parent=<origin>`), accepting messages only from that origin and from the parent window.
 */

const FIELDS: readonly FieldName[] = ['number', 'expiry', 'cvc'];

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const inputs: Record<FieldName, HTMLInputElement> = {
  number: element('number'),
  expiry: element('expiry'),
  cvc: element('cvc'),
};
const challenge = element<HTMLElement>('challenge');
const formError = element<HTMLElement>('form-error');

const parentOrigin = new URLSearchParams(location.hash.slice(1)).get('parent');
const ancestor = location.ancestorOrigins?.[0];
/** Runs only when framed by the origin it was told, so nobody can read its messages by lying about it. */
const embedded =
  parentOrigin !== null && window.parent !== window && (ancestor === undefined || ancestor === parentOrigin);

let texts: CardFieldsMessages = cardFieldsMessages('en');
/** Fields whose problems the customer may see: left once, or all of them after a tokenize attempt. */
const shown = new Set<FieldName>();
let lastChange = '';
/** The tokenize request waiting on the challenge, if any. */
let challenged: number | null = null;

function send(body: Body<FromFrame>): void {
  if (parentOrigin) window.parent.postMessage(message(body), parentOrigin);
}

function read(): CardInput {
  return { number: inputs.number.value, expiry: inputs.expiry.value, cvc: inputs.cvc.value };
}

/** Whether a field's problem is worth showing now: once left, or a full-length number that is wrong. */
// A number only stops being "incomplete" at its brand's full length (card-rules.ts), so no mid-typing flash.
function visible(field: FieldName, error: CardFieldError): boolean {
  return shown.has(field) || (field === 'number' && error !== 'number_incomplete');
}

function render(): void {
  const check = checkCard(read(), new Date());
  let first: CardFieldError | null = null;
  for (const field of FIELDS) {
    const error = check.errors[field];
    const show = error !== undefined && visible(field, error);
    inputs[field].setAttribute('aria-invalid', String(show));
    element(`${field}-error`).textContent = show ? texts.errors[error] : '';
    if (show && !first) first = error;
  }
  element('brand').textContent = check.brand && check.brand !== 'other' ? check.brand : '';
  const state = {
    type: 'change' as const,
    complete: Object.keys(check.errors).length === 0,
    brand: check.brand,
    error: first,
  };
  const key = JSON.stringify(state);
  if (key !== lastChange) {
    lastChange = key;
    send(state);
  }
}

function onNumberInput(): void {
  const digits = onlyDigits(inputs.number.value);
  inputs.number.value = formatNumber(digits.slice(0, maxNumberLength(digits)));
  render();
}

function onExpiryInput(event: Event): void {
  const deleting = (event as InputEvent).inputType?.startsWith('delete') ?? false;
  inputs.expiry.value = formatExpiry(onlyDigits(inputs.expiry.value).slice(0, 4), deleting);
  render();
}

function onCvcInput(): void {
  inputs.cvc.value = onlyDigits(inputs.cvc.value).slice(0, 4);
  render();
}

function setChallenge(open: boolean): void {
  challenge.hidden = !open;
  for (const field of FIELDS) inputs[field].disabled = open;
  if (open) element('approve').focus();
}

function tokenize(id: number): void {
  formError.textContent = '';
  for (const field of FIELDS) shown.add(field);
  render();
  const input = read();
  const check = checkCard(input, new Date());
  const invalid = FIELDS.find((field) => check.errors[field]);
  const token = tokenFor(input, new Date());
  if (invalid || !token) {
    const field = invalid ?? 'number';
    inputs[field].focus();
    send({ type: 'failed', id, error: check.errors[field] ?? 'number_invalid' });
    return;
  }
  if (!needsChallenge(onlyDigits(input.number))) {
    send({ type: 'token', id, ...token });
    return;
  }
  challenged = id;
  setChallenge(true);
}

function finishChallenge(approved: boolean): void {
  const id = challenged;
  if (id === null) return;
  challenged = null;
  setChallenge(false);
  const token = tokenFor(read(), new Date());
  if (approved && token) {
    send({ type: 'token', id, ...token });
  } else {
    formError.textContent = texts.errors.authentication_failed;
    inputs.number.focus();
    send({ type: 'failed', id, error: 'authentication_failed' });
  }
}

/** A value from the page is used only if the browser reads it as the kind of value its name expects. */
function safeStyleValue(name: string, value: string): boolean {
  const kind = STYLE_PROPERTIES[name];
  if (!kind || value.length > 200 || /url\(|var\(|[;{}\\]|image/i.test(value)) return false;
  if (kind === 'color') return CSS.supports('color', value);
  if (kind === 'font-family') return CSS.supports('font-family', value);
  return CSS.supports('width', value);
}

function init(locale: string, style: Record<string, string>, colorScheme: 'light' | 'dark'): void {
  texts = cardFieldsMessages(locale);
  document.documentElement.lang = locale;
  document.title = texts.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = node.dataset.text as keyof CardFieldsMessages;
    const text = texts[key];
    if (typeof text === 'string') node.textContent = text;
  }
  const root = document.documentElement;
  for (const [name, value] of Object.entries(style)) {
    if (safeStyleValue(name, value)) root.style.setProperty(name, value);
  }
  root.classList.toggle('dark', colorScheme === 'dark');
  lastChange = '';
  render();
}

function onMessage(event: MessageEvent): void {
  if (event.source !== window.parent || event.origin !== parentOrigin) return;
  const data = parseToFrame(event.data);
  if (!data) return;
  if (data.type === 'init') init(data.locale, data.style, data.colorScheme);
  else if (data.type === 'focus') inputs.number.focus();
  else if (data.type === 'tokenize') tokenize(data.id);
  else if (data.type === 'cancel' && challenged === data.id) {
    challenged = null;
    setChallenge(false);
  }
}

if (embedded) {
  inputs.number.addEventListener('input', onNumberInput);
  inputs.expiry.addEventListener('input', onExpiryInput);
  inputs.cvc.addEventListener('input', onCvcInput);
  for (const field of FIELDS) {
    inputs[field].addEventListener('blur', () => {
      if (inputs[field].value !== '') shown.add(field);
      render();
    });
  }
  element('approve').addEventListener('click', () => finishChallenge(true));
  element('fail').addEventListener('click', () => finishChallenge(false));
  window.addEventListener('message', onMessage);
  new ResizeObserver(() => {
    send({ type: 'resize', height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
  }).observe(document.body);
  send({ type: 'ready' });
} else {
  // Opened directly or framed by someone else: no fields to type into.
  document.body.hidden = true;
}
