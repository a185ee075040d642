import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line inside a job or request carries without being told. */
export interface LogContext {
  correlationId?: string;
  jobId?: string;
  queue?: string;
  jobName?: string;
  connectionId?: string;
  requestId?: string;
  /** The store order number the work concerns, so the audit trail can answer for an order. */
  orderRef?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
