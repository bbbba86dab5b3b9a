import * as z from 'zod/mini';
import { type FieldError, fieldErrorsFrom } from '../../../contract/errors.js';
import { PortalSettings } from '../../../model/index.js';
import { settingsProblems } from '../../../rules/settings.js';
import { type SettingsT, wordAt } from './messages.js';

/**
 * The settings form's draft: a copy of PortalSettings the merchant edits path by path
 * (`paymentMethods.addCards`), and what is wrong with it, in the words of the field it belongs to.
 */

export type Draft = PortalSettings;

/** The value at a dotted path (`subscriptions.plans.0.planId`). */
export function valueAt(draft: Draft, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], draft);
}

/** A copy of the draft with `value` at `path`; `undefined` removes the key (an optional setting left empty). */
export function withValue(draft: Draft, path: string, value: unknown): Draft {
  const copy = structuredClone(draft);
  const keys = path.split('.');
  let node = copy as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Problems by path: the schema's (each value alone) and rules/settings.ts's (values against each other). */
export function problemsOf(draft: Draft): FieldError[] {
  const parsed = z.safeParse(PortalSettings, draft);
  const schema = parsed.success ? [] : fieldErrorsFrom(parsed.error);
  // The console's own check: a reason customers would see as a blank choice.
  const blankReasons = draft.subscriptions.cancellationReasons.flatMap((reason, index) =>
    reason.label.trim() === ''
      ? [{ path: `subscriptions.cancellationReasons.${index}.label`, code: 'required' as const }]
      : [],
  );
  return [
    ...schema,
    ...blankReasons,
    ...(parsed.success ? settingsProblems(parsed.data) : settingsProblems(draft)),
  ];
}

/** Where a problem is shown: the id of the control it belongs to (the path itself, or a list's control). */
export function controlOf(path: string): string {
  if (path === 'subscriptions.cancellationReasons') return 'subscriptions.cancellationReasons.add';
  if (path === 'subscriptions.plans') return 'subscriptions.plans.add';
  return path;
}

/** The words for one problem, by the field it is at. */
export function problemMessage(t: SettingsT, problem: FieldError): string {
  const words = t.consoleSettings.problems;
  const { path, code } = problem;
  if (/^subscriptions\.plans\.\d+\.planId$/.test(path))
    return code === 'taken' ? words.planTaken : words.planId;
  if (/^subscriptions\.cancellationReasons\.\d+\.id$/.test(path)) return words.reasonTaken;
  if (/^subscriptions\.cancellationReasons\.\d+\.label$/.test(path)) return words.reasonLabel;
  if (path === 'subscriptions.cancellationReasons') return words.reasonCount;
  return wordAt(words, path) ?? t.fieldErrors[code] ?? t.fieldErrors.invalid;
}

/** Problems placed at their controls, the first of each control winning; in form order by path. */
export function problemsByControl(t: SettingsT, problems: readonly FieldError[]): Map<string, string> {
  const placed = new Map<string, string>();
  for (const problem of problems) {
    const id = controlOf(problem.path);
    if (!placed.has(id)) placed.set(id, problemMessage(t, problem));
  }
  return placed;
}

/** A number the merchant typed: an integer, or NaN for anything else (the schema then refuses it). */
export function typedNumber(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** An id for a reason the merchant adds: stable once made, unique among the list. */
export function newReasonId(existing: readonly { id: string }[]): string {
  let n = existing.length + 1;
  while (existing.some((reason) => reason.id === `reason_${n}`)) n += 1;
  return `reason_${n}`;
}
