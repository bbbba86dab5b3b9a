import * as z from 'zod/mini';
import { invalidResponseError, isAbortError, toPortalError, validationError } from './errors.js';
import { DocumentLink } from '../model/index.js';
import type { PortalAdapter } from './adapter.js';
import { OPERATION_NAMES, type OperationName, operations } from './operations.js';
import { operationSchemas } from './operation-schemas.js';
import { isValidated, markValidated } from './validation-mark.js';
import { reportAdapterFault } from './adapter-faults.js';

export { markValidated };

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** Parses a method's input against the contract; a bad input rejects with a `validation` PortalError. */
export function parseInput<T>(name: OperationName, input: T): T {
  const schema = operationSchemas[name].input;
  if (!schema) return input;
  const result = z.safeParse(schema, input);
  if (!result.success) throw validationError(result.error, name);
  return result.data as T;
}

/** Parses a method's output against the contract; a bad output rejects with `invalid_response`. */
export function parseOutput<T>(name: OperationName, output: unknown): T {
  const spec = operationSchemas[name].output;
  if (spec === null) return undefined as T;
  const result = z.safeParse(spec === 'pdf' ? DocumentLink : spec, output);
  if (!result.success) throw invalidResponseError(result.error, name);
  return result.data as T;
}

/**
 * Wraps any adapter so that what goes in is checked, what comes back is parsed by the model's schemas
 * (a custom adapter's bad data becomes `invalid_response`, never a crash), and every failure is a
 * PortalError. The store wraps the adapter it is given; past this point the types are trusted.
 */
export function validatedAdapter(adapter: PortalAdapter): PortalAdapter {
  if (isValidated(adapter)) return adapter;
  const wrapped = {} as Record<OperationName, AnyMethod>;
  for (const name of OPERATION_NAMES) {
    const takesInput = !('noInput' in operations[name]);
    wrapped[name] = async (...args: unknown[]) => {
      const [input, options] = takesInput ? args : [undefined, args[0]];
      const method = (adapter[name] as unknown as AnyMethod | undefined)?.bind(adapter);
      if (!method) throw invalidResponseError(new TypeError(`adapter has no ${name} method`), name);
      let output: unknown;
      try {
        output = takesInput ? await method(parseInput(name, input), options) : await method(options);
      } catch (error) {
        // An abort is the caller's own doing, not a backend failure: it passes through untouched.
        if (isAbortError(error)) throw error;
        reportAdapterFault(name, error);
        throw toPortalError(error);
      }
      return parseOutput(name, output);
    };
  }
  return markValidated(wrapped as unknown as PortalAdapter);
}
