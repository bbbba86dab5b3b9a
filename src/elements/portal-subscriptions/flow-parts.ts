import { html, nothing, type TemplateResult } from 'lit';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import type { IntentFlowController } from '../../controllers/intent-flow.js';
import type { PortalStore } from '../../core/store.js';
import { type Operation, type SubsHost, fieldId, headingId } from './host.js';
import { renderField } from '../../ui/form/field.js';
import { actionDescribedBy, actionDisabled, errorMessage, renderBusy } from '../../ui/states.js';

/** What every flow step shares: its heading, a refusal, a busy button, a field, the unknown outcome. */

/** The step's heading; focus lands on it when the customer arrives at a step. */
export function renderHeading(host: SubsHost, text: string): TemplateResult {
  return html`<h3 id=${headingId(host)} tabindex="-1"><bdi>${text}</bdi></h3>`;
}

/** A refusal that belongs to no field. Always in the page, so an alert that appears is announced. */
export function renderProblem(host: SubsHost): TemplateResult {
  return html`<div role="alert">
    ${host.problem ? html`<div class="alert error" part="error"><p>${host.problem}</p></div>` : nothing}
  </div>`;
}

/**
 * The main button of a step: it submits the step's form, or does `onClick`; it says what runs while it
 * runs, and does nothing then. One that `changes` something (every confirm; not "See the price") is
 * unavailable in a preview.
 */
export function primaryButton(
  host: SubsHost,
  text: string,
  busyText: string,
  running: boolean,
  { changes = true, onClick }: { changes?: boolean; onClick?: () => void } = {},
): TemplateResult {
  const readOnly = changes && host.readOnly;
  return html`<button
    type=${onClick ? 'button' : 'submit'}
    class="button primary"
    aria-disabled=${actionDisabled(readOnly, host.busy)}
    aria-describedby=${actionDescribedBy(readOnly)}
    @click=${onClick}
  >
    ${running ? renderBusy(busyText) : text}
  </button>`;
}

/** "Back" or "Keep it": the step before, or the list. */
export function secondaryButton(host: SubsHost, text: string, onClick: () => void): TemplateResult {
  return html`<button
    type="button"
    class="button"
    aria-disabled=${host.busy ? 'true' : 'false'}
    @click=${onClick}
  >
    ${text}
  </button>`;
}

export interface InputFieldOptions {
  name: string;
  label: string;
  value: string;
  type: 'number' | 'date';
  hint?: string;
  min?: string;
  max?: string;
  onInput: (value: string) => void;
}

/** A labelled number or date field, its hint and its problem tied to it (aria-describedby, aria-invalid). */
export function renderInputField(host: SubsHost, options: InputFieldOptions): TemplateResult {
  const { name, type, label, hint, min, max } = options;
  return renderField(
    {
      path: name,
      label,
      kind: 'input',
      type,
      inputMode: type === 'number' ? 'numeric' : undefined,
      hint,
      min,
      max,
      required: true,
    },
    {
      id: fieldId(host, name),
      value: options.value,
      error: host.fieldErrors[name],
      t: host.t,
      locale: host.resolvedLocale,
      onInput: (event) => options.onInput((event.target as HTMLInputElement).value),
    },
  );
}

/** Shows the problems and focuses the first field that has one. */
export function showFieldErrors(host: SubsHost, errors: Record<string, string>): boolean {
  host.fieldErrors = errors;
  const first = Object.keys(errors)[0];
  if (!first) return false;
  host.announce(errors[first]);
  host.focusing.focusAfterUpdate(fieldId(host, first));
  return true;
}

/**
 * Runs one request of a flow (see the element's `request`): its result, or null when it was not made.
 * A lost answer goes back to the list saying the outcome is not known; a refusal is said above the step,
 * unless `refused` shows it somewhere better (at a field) and returns true.
 */
export async function attempt<T>(
  host: SubsHost,
  operation: Operation,
  progress: string,
  action: (store: PortalStore) => Promise<T>,
  refused?: (error: PortalError) => boolean,
): Promise<T | null> {
  const result = await host.request(operation, progress, action);
  if (!(result instanceof PortalError)) return result ?? null;
  if (isOutcomeUnknown(result)) host.finish({ tone: 'warning', text: host.t.subscriptions.unknownOutcome });
  else if (!refused?.(result)) {
    host.problem = errorMessage(host.t, result);
    host.announce(host.problem);
  }
  return null;
}

/**
 * The answer was lost: it may or may not have gone through; Check again sends the same request with
 * the same key, so it cannot happen twice.
 */
export function renderUnknown(
  host: SubsHost,
  flow: IntentFlowController<'subscribe'> | IntentFlowController<'changeSubscription'>,
): TemplateResult {
  const m = host.t.subscriptions;
  return html`${renderHeading(host, m.unknownHeading)}
    <div class="alert warning" part="notice"><p>${m.unknownBody}</p></div>
    <div class="actions">
      ${primaryButton(host, host.t.common.checkAgain, host.t.common.checking, flow.busy, {
        onClick: () => {
          if (flow.busy || flow.readOnly) return;
          host.announce(host.t.common.checking);
          void flow.checkAgain();
        },
      })}
      ${secondaryButton(host, host.t.common.close, () => host.closePanel())}
    </div>`;
}
