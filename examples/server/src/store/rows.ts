/** Small conversions between SQL rows and the model's JSON shapes. */

/** Drops null columns: the model's optional fields are absent, never null. */
export function present<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/** Keeps only the keys whose value is defined, so `{ dueDate: undefined }` never reaches the wire. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as T;
}

/** An instant as the contract writes it: ISO 8601 UTC, without milliseconds when they are zero. */
export function isoInstant(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** JSONB parameters are passed as text and cast in SQL, which both drivers handle the same way. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
