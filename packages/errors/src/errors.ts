import { isOutage } from './outage';

/**
 * The three kinds of failure every connector and service speaks in. Only the jobs runtime turns
 * them into queue behaviour (retry with backoff, delay, dead letter); nothing else decides that.
 */
export type FailureKind = 'retryable' | 'rate_limited' | 'permanent';

export interface ErrorDetails {
  provider?: string;
  endpoint?: string;
  status?: number;
  /** A short, stable code that names the reason, e.g. `shipstation.validation`, `mapping.unmapped_sku`. */
  reason?: string;
  cause?: unknown;
}

export abstract class ShiplinkError extends Error {
  abstract readonly kind: FailureKind;
  readonly reason: string;
  readonly provider: string | undefined;
  readonly endpoint: string | undefined;
  readonly status: number | undefined;

  protected constructor(message: string, details: ErrorDetails, defaultReason: string) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.reason = details.reason ?? defaultReason;
    this.provider = details.provider;
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

/** Worth trying again later: network failures, 408, 5xx, lock contention. */
export class RetryableError extends ShiplinkError {
  readonly kind = 'retryable' as const;
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details, 'transient');
  }
}

/** The provider (or our shared budget for it) says wait `waitMs` before the next call. */
export class RateLimitedError extends ShiplinkError {
  readonly kind = 'rate_limited' as const;
  readonly waitMs: number;
  constructor(message: string, waitMs: number, details: ErrorDetails = {}) {
    super(message, details, 'rate_limited');
    this.waitMs = Math.max(0, Math.ceil(waitMs));
  }
}

/** Retrying cannot help until a person changes something: bad data, mapping, credentials. */
export class PermanentError extends ShiplinkError {
  readonly kind = 'permanent' as const;
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details, 'permanent');
  }
}

export interface ClassifiedFailure {
  kind: FailureKind;
  reason: string;
  message: string;
  waitMs?: number;
}

/** Maps anything thrown to one classification. Unknown errors are bugs or outages: retryable. */
export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof RateLimitedError) {
    return { kind: error.kind, reason: error.reason, message: error.message, waitMs: error.waitMs };
  }
  if (error instanceof ShiplinkError) {
    return { kind: error.kind, reason: error.reason, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  // PostgreSQL or Redis away: worth retrying, and named as what it is in logs and dead letters.
  if (isOutage(error)) return { kind: 'retryable', reason: 'infrastructure.unavailable', message };
  return { kind: 'retryable', reason: 'unexpected', message };
}
