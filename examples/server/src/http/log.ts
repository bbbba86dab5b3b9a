import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Structured logs: one JSON object per line. JSON escapes every control character, so a CR/LF smuggled
 * into a path or a message cannot start a line of its own (no forged entries). Database errors are
 * logged by their SQLSTATE and the names the server reports (table, column, constraint), never by their
 * message, detail or parameters, which can quote the values a request sent.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export interface LogEntry {
  level: LogLevel;
  [field: string]: unknown;
}
export type LogSink = (entry: LogEntry) => void;

function write(stream: NodeJS.WriteStream, entry: LogEntry): void {
  stream.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** Every entry to stdout (the server run by main.ts). */
export const stdoutSink: LogSink = (entry) => write(process.stdout, entry);
/** Warnings and errors only, to stderr (the default when code embeds the app). */
export const problemsSink: LogSink = (entry) => {
  if (entry.level !== 'info') write(process.stderr, entry);
};

interface DatabaseErrorLike {
  severity: string;
  code: string;
  routine?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

function isDatabaseError(error: unknown): error is Error & DatabaseErrorLike {
  const candidate = error as Partial<DatabaseErrorLike> | null;
  return (
    error instanceof Error &&
    typeof candidate?.severity === 'string' &&
    typeof candidate.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(candidate.code)
  );
}

/** What an error's log entry says about it (see the module comment for database errors). */
export function describeError(error: unknown): Record<string, unknown> {
  if (isDatabaseError(error)) {
    const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    return {
      error: 'database',
      sqlState: error.code,
      routine: error.routine,
      table: error.table,
      column: error.column,
      constraint: error.constraint,
      stack: frames.join('\n'),
    };
  }
  if (error instanceof Error) return { error: error.name, message: error.message, stack: error.stack };
  return { error: typeof error, message: String(error) };
}

const requestIds = new WeakMap<Context, string>();

/** The id `requestLog` gave this request (for the entries written while answering it). */
export function requestIdOf(c: Context): string | undefined {
  return requestIds.get(c);
}

/**
 * One entry per request once it is answered: method, path, status, milliseconds and a request id (also
 * sent as `X-Request-Id`, so a customer's report can be matched to the log). No query, body or headers.
 */
export function requestLog(sink: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    requestIds.set(c, requestId);
    await next();
    c.header('x-request-id', requestId);
    sink({
      level: c.res.status >= 500 ? 'error' : 'info',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    });
  };
}
