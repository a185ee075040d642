import type { ServerResponse } from 'node:http';
import { metrics } from '@shiplink/telemetry';

type Outcome = 'accepted' | 'recorded' | 'duplicate';

/** Refusals are told apart by status, which keeps the outcome label to a handful of values. */
function refusalOf(status: number): string {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'unknown_connection';
  if (status === 413) return 'too_large';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'error';
  return 'invalid';
}

/**
 * Times one delivery from arrival to its answer and counts it by provider and outcome once
 * answered; the returned function tells an accepted delivery's outcome.
 */
export function observeWebhook(provider: string, res: ServerResponse): (outcome: Outcome) => void {
  const stop = metrics.webhookAck.startTimer({ provider });
  let accepted: Outcome | undefined;
  res.once('finish', () => {
    stop();
    const outcome = accepted && res.statusCode < 400 ? accepted : refusalOf(res.statusCode);
    metrics.webhooks.inc({ provider, outcome });
  });
  return (outcome) => {
    accepted = outcome;
  };
}
