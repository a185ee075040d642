import type { CarrierCreateOutcome } from '@shiplink/domain';
import { ShiplinkError } from '@shiplink/errors';
import { POSTI_PROVIDER } from './profile';
import { RETRYABLE_PRINETTI_STATUSES } from './prinetti';

/** Failures to connect at all: the request was never written, so nothing reached Posti. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/;

const PRINETTI_STATUS = new RegExp(`^${POSTI_PROVIDER}\\.prinetti_(\\d+)$`);

/**
 * What a create-shipment that did not come back with tracking codes means. Pakettikauppa
 * documents `Routing.Id` only as the request's unique id, not what a repeated one does, so a
 * create is sent once per attempt and a failure is sorted by what Posti is known to have done:
 *
 * - nothing (connection refused, 429, a Prinetti failure status 100/160/240, 401/403): thrown,
 *   classified, for the job to retry or dead-letter (a new attempt is safe);
 * - refused the document (Prinetti 230 or another status it documents no retry for, other 4xx):
 *   `refused`, for a person to fix the order;
 * - unknown (no answer, a timeout, a 5xx from whatever stands in front of Posti, a body that is
 *   not a Prinetti response, OK without tracking codes): `unknown`: the consignment may exist,
 *   and only a person looking in Posti's admin can say whether to send it again.
 */
export function outcomeOfFailedCreate(
  error: unknown,
): Exclude<CarrierCreateOutcome, { outcome: 'created' }> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ShiplinkError)) return { outcome: 'unknown', message };
  const prinetti = PRINETTI_STATUS.exec(error.reason);
  if (prinetti) {
    if (RETRYABLE_PRINETTI_STATUSES.has(Number(prinetti[1]))) throw error;
    return { outcome: 'refused', message };
  }
  const status = error.status;
  if (status === undefined) {
    if (error.reason === 'network' && NEVER_SENT.test(message)) throw error;
    return { outcome: 'unknown', message };
  }
  if (status === 429 || status === 401 || status === 403) throw error;
  if (status === 408 || status >= 500) return { outcome: 'unknown', message };
  return status >= 400 ? { outcome: 'refused', message } : { outcome: 'unknown', message };
}
