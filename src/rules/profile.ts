import type { ProfileUpdate, TaxIdsUpdate } from '../model/index.js';

/**
 * Profile and tax numbers: what an update changes. Only the fields the model's update schemas name are
 * ever written; a field left out stays as it is, and an empty string clears an optional text field.
 * `null` in the result means "clear". The `modifyInformation` capability is checked first.
 */
export type Changes<T> = { [K in keyof T]?: Exclude<T[K], undefined> | null };

export function profileChanges(update: ProfileUpdate): Changes<ProfileUpdate> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) changes[key] = value === '' ? null : value;
  }
  return changes;
}

/** Tax numbers are trimmed; an empty one is cleared. */
export function taxIdChanges(update: TaxIdsUpdate): Changes<TaxIdsUpdate> {
  const changes: Changes<TaxIdsUpdate> = {};
  for (const key of Object.keys(update) as (keyof TaxIdsUpdate)[]) {
    const value = update[key];
    if (value === undefined) continue;
    const trimmed = value.trim();
    changes[key] = trimmed === '' ? null : trimmed;
  }
  return changes;
}
