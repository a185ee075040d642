import { metrics } from '@shiplink/telemetry';

export type Outcome = 'accepted' | 'recorded' | 'duplicate';

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
 * Starts timing one delivery; the returned function, called once it is answered, records the
 * time and counts the delivery by provider and outcome (an accepted one's, or its refusal's).
 */
export function observeWebhook(provider: string): (status: number, accepted?: Outcome) => void {
  const stop = metrics.webhookAck.startTimer({ provider });
  return (status, accepted) => {
    stop();
    const outcome = accepted && status < 400 ? accepted : refusalOf(status);
    metrics.webhooks.inc({ provider, outcome });
  };
}
