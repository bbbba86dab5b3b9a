import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** One radio of a group drawn as cards (`.choices` > `.choice` in formStyles). */
export interface ChoiceOptions {
  name: string;
  value?: string;
  checked: boolean;
  label: unknown;
  /** What else to know, under the label (a card's expiry, a plan's price). */
  detail?: unknown;
  /** Ids for the label and the detail (`<id>-label`, `<id>-detail`), which then name and describe the radio. */
  id?: string;
  disabled?: boolean;
  onChange: () => void;
}

/** A radio and its words in one card the whole of which can be clicked; checked, it is outlined. */
export function renderChoice(options: ChoiceOptions): TemplateResult {
  const { id } = options;
  const hasDetail = options.detail !== undefined && options.detail !== nothing;
  const labelId = id ? `${id}-label` : undefined;
  const detailId = id && hasDetail ? `${id}-detail` : undefined;
  return html`<label class="choice">
    <input
      type="radio"
      name=${options.name}
      value=${ifDefined(options.value)}
      .checked=${live(options.checked)}
      ?disabled=${options.disabled}
      aria-labelledby=${ifDefined(labelId)}
      aria-describedby=${ifDefined(detailId)}
      @change=${options.onChange}
    />
    <span class="choice-body">
      <span class="choice-label" id=${ifDefined(labelId)}>${options.label}</span>
      ${hasDetail ? html`<span class="choice-detail" id=${ifDefined(detailId)}>${options.detail}</span>` : nothing}
    </span>
  </label>`;
}
