import { html, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { isoToday } from '../../model/index.js';
import { renderLoading } from '../../ui/states.js';
import type { PanelOf, SubsHost } from './host.js';
import {
  attempt,
  primaryButton,
  renderHeading,
  renderInputField,
  renderProblem,
  secondaryButton,
  showFieldErrors,
} from './flow-parts.js';
import { addDays } from './wording.js';

/**
 * Pausing until a date: from tomorrow to today + the merchant's `maxPauseDays`, checked at the field
 * (and by the backend, whose refusal lands on the same field). It resumes by itself on that date.
 */

type PausePanel = PanelOf<'pause'>;

function bounds(host: SubsHost): { min: string; max: string } {
  const today = isoToday();
  return { min: addDays(today, 1), max: addDays(today, host.settings?.subscriptions.maxPauseDays ?? 1) };
}

async function pause(host: SubsHost, panel: PausePanel, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (host.busy) return;
  const m = host.t.subscriptions;
  const { min, max } = bounds(host);
  const resumeOn = panel.resumeOn;
  const problem = !/^\d{4}-\d{2}-\d{2}$/.test(resumeOn)
    ? m.dateRequired
    : resumeOn < min
      ? m.dateTooEarly
      : resumeOn > max
        ? m.dateTooLate(host.format.date(max))
        : null;
  if (showFieldErrors(host, problem ? { resumeOn: problem } : {})) return;
  const result = await attempt(
    host,
    'pauseSubscription',
    m.pausing,
    (store) => store.mutate('pauseSubscription', { subscriptionId: panel.subscriptionId, resumeOn }),
    // The backend's refusal of the date lands on the date's field.
    (error) => {
      const atField = error.fieldErrors.find((each) => each.path === 'resumeOn');
      return (
        !!atField &&
        showFieldErrors(host, { resumeOn: host.t.fieldErrors[atField.code] ?? host.t.fieldErrors.invalid })
      );
    },
  );
  if (!result) return;
  host.finish({ tone: 'success', text: m.paused(result.planName, host.format.date(resumeOn)) });
  emit(host, 'portal-subscription-paused', { subscription: result, resumeOn });
}

/** The pause form. */
export function renderPause(host: SubsHost, panel: PausePanel): TemplateResult {
  const subscription = host.subscriptions.find((each) => each.id === panel.subscriptionId);
  if (!subscription) return renderLoading(host.t, 3);
  const m = host.t.subscriptions;
  const { min, max } = bounds(host);
  return html`${renderHeading(host, m.pauseOf(subscription.planName))} ${renderProblem(host)}
    <form novalidate @submit=${(event: SubmitEvent) => void pause(host, panel, event)}>
      ${renderInputField(host, {
        name: 'resumeOn',
        label: m.resumeOn,
        type: 'date',
        value: panel.resumeOn,
        min,
        max,
        hint: m.resumeOnHint(host.format.date(max)),
        onInput: (resumeOn) => {
          host.fieldErrors = {};
          host.setPanel({ ...panel, resumeOn });
        },
      })}
      <div class="actions">
        ${primaryButton(host, m.pause, m.pausing, host.busy)}
        ${secondaryButton(host, host.t.common.back, () => host.closePanel())}
      </div>
    </form>`;
}
