import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/**
 * Where the currency sign goes for this locale and which sign it is: "$" before the number in en-US,
 * "€" after it in fr-FR. Logical order: `suffix` follows the number in the reading direction.
 */
export function currencyAdornment(
  currency: string,
  locale: string,
): { sign: string; position: 'prefix' | 'suffix' } {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const sign = parts.find((part) => part.type === 'currency')?.value ?? currency;
  const signAt = parts.findIndex((part) => part.type === 'currency');
  const numberAt = parts.findIndex((part) => part.type === 'integer');
  return { sign, position: signAt > numberAt ? 'suffix' : 'prefix' };
}

export interface MoneyInputOptions {
  id: string;
  /** The text as typed: kept verbatim, so nothing is reformatted under the customer's cursor. */
  value: string;
  currency: string;
  locale: string;
  /** The form field name, for forms that read their controls by name. */
  name?: string;
  required?: boolean;
  error?: string;
  /** A hint's id; the error's id (`<id>-error`) is added when there is an error. */
  hintId?: string;
  onInput?: (event: Event) => void;
  onBlur?: (event: Event) => void;
}

/**
 * An amount input in the customer's locale: a decimal keypad on phones, the currency sign where the
 * locale writes it (hidden from screen readers: the label names the currency), and the typed text read
 * by the model's `parseAmountInput` ("1 234,56" in fr, "1,234.56" in en) into integer minor units.
 * Styled by `.money-input` in ui/form/styles.ts. The label is the caller's (`renderField` draws one).
 */
export function renderMoneyInput(options: MoneyInputOptions): TemplateResult {
  const { sign, position } = currencyAdornment(options.currency, options.locale);
  const errorId = options.error ? `${options.id}-error` : '';
  const describedBy = [options.hintId ?? '', errorId].filter(Boolean).join(' ') || undefined;
  return html`<div class="money-input ${position}">
    <span class="currency" aria-hidden="true">${sign}</span>
    <input
      id=${options.id}
      name=${ifDefined(options.name)}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      spellcheck="false"
      ?required=${options.required ?? false}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(options.value)}
      @input=${options.onInput}
      @blur=${options.onBlur}
    />
  </div>`;
}
