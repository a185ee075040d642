import type { Logger } from '@shiplink/logger';
import type { AuditSink } from './audit';
import type { HttpClientOptions } from './client';
import type { RateLimiter } from './rate-limiter';

/** What every connector's client factory takes: where, who, and the shared plumbing. */
export interface ConnectorOptions<C> {
  /** The provider's API base URL, or a simulator's. */
  baseUrl: string;
  credentials: C;
  connectionId?: string;
  /** The shared budget's account key; each connector picks a sensible default. */
  accountKey?: string;
  limiter?: RateLimiter;
  audit?: AuditSink;
  logger?: Logger;
  maxInlineWaitMs?: number;
  retryBaseDelayMs?: number;
  timeoutMs?: number;
}

type Plumbing = Pick<
  HttpClientOptions,
  | 'connectionId'
  | 'limiter'
  | 'audit'
  | 'logger'
  | 'maxInlineWaitMs'
  | 'retryBaseDelayMs'
  | 'timeoutMs'
>;

/** The HttpClient options every connector passes through unchanged (only those given). */
export function plumbing(
  options: Omit<ConnectorOptions<unknown>, 'baseUrl' | 'credentials'>,
): Plumbing {
  const keys = [
    'connectionId',
    'limiter',
    'audit',
    'logger',
    'maxInlineWaitMs',
    'retryBaseDelayMs',
    'timeoutMs',
  ] as const;
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (options[key] !== undefined) picked[key] = options[key];
  return picked as Plumbing;
}
