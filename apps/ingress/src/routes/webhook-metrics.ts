import type { NextFunction, Request, Response } from 'express';
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

export function setWebhookOutcome(res: Response, outcome: Outcome): void {
  res.locals.webhookOutcome = outcome;
}

/** Counts each delivery by provider and outcome, and times it from arrival to the answer. */
export function observeWebhook(req: Request, res: Response, next: NextFunction): void {
  const provider = String(req.params.provider);
  const stop = metrics.webhookAck.startTimer({ provider });
  res.on('finish', () => {
    stop();
    const accepted = res.locals.webhookOutcome as Outcome | undefined;
    const outcome = accepted && res.statusCode < 400 ? accepted : refusalOf(res.statusCode);
    metrics.webhooks.inc({ provider, outcome });
  });
  next();
}
