import { html, type TemplateResult } from 'lit';

/** One term and its value; a falsy entry (a fact that does not apply, like a missing due date) is left out. */
export type Fact = { label: string; value: unknown } | null | undefined | false | '';

/** A list of labelled facts ("Issued  Nov 18, 2026"), styled by `.facts` in ui/styles.ts. */
export function renderFacts(facts: readonly Fact[]): TemplateResult {
  return html`<dl class="facts">
    ${facts.map((fact) =>
      fact
        ? html`<div>
            <dt>${fact.label}</dt>
            <dd>${fact.value}</dd>
          </div>`
        : null,
    )}
  </dl>`;
}
