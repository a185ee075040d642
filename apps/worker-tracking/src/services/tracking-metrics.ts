import { metrics } from '@shiplink/telemetry';
import type { ProgressPlan } from './progress-plan';

/** How late each new checkpoint arrived, and the statuses no mapping knows, by source. */
export function observeProgress(plan: ProgressPlan, now = Date.now()): void {
  for (const { event } of plan.checkpoints) {
    const lagSeconds = Math.max(0, (now - Date.parse(event.occurredAtUtc)) / 1000);
    metrics.trackingLag.observe({ provider: event.source }, lagSeconds);
  }
  for (const subStatus of plan.unmapped) {
    // Unmapped sub-statuses are namespaced by their source: `aftership:CARRIER_STATUS_NOT_MAPPED:…`.
    metrics.unmappedCarrierStatuses.inc({ provider: subStatus.split(':')[0] ?? 'unknown' });
  }
}
