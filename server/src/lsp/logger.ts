// Logging to the client's output channel, and the guard every handler runs under: a handler that
// throws is logged and answered with a harmless fallback, so one bad document never takes the
// server down.
import type { Connection } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (message, error) =>
      connection.console.error(error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}

/** Wraps a handler so that a throw or a rejection is logged and turned into `fallback`. */
export function guarded<Args extends unknown[], Result>(
  logger: Logger,
  name: string,
  fallback: Result,
  handler: (...args: Args) => Result | Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      logger.error(`${name} failed`, error);
      return fallback;
    }
  };
}

/** The same for notifications and events, which have nothing to answer. */
export function guardedListener<Args extends unknown[]>(
  logger: Logger,
  name: string,
  listener: (...args: Args) => void | Promise<void>,
): (...args: Args) => void {
  const safe = guarded(logger, name, undefined, listener);
  return (...args: Args) => {
    void safe(...args);
  };
}
