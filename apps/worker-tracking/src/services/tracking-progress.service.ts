import type { Platform } from '@shiplink/app-kit';
import { afterShipTimeline, type AfterShipTracking } from '@shiplink/connectors/aftership';
import { digest } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';
import { planProgress } from './progress-plan';

export interface ProgressOutcome {
  newCheckpoints: number;
  anomalies: number;
  status: string;
  moved: boolean;
}

/**
 * Applies what AfterShip says about a tracking (a webhook's or a poll's copy) to our record. One
 * tracking is worked by one process at a time (advisory lock), and each batch is saved in one
 * transaction, so racing workers and crashed jobs end in the same state as one careful worker.
 */
export class TrackingProgressService {
  constructor(private readonly platform: Platform) {}

  async apply(
    trackingId: string,
    afterShip: AfterShipTracking,
    options: { polled: boolean },
  ): Promise<ProgressOutcome> {
    const { repos, logger } = this.platform;
    const outcome = await repos.locks.withLock(`tracking:${trackingId}`, async () => {
      const tracking = await repos.trackings.find(trackingId);
      if (!tracking) return undefined;
      const plan = planProgress({
        current: tracking.current,
        stored: await repos.trackings.storedEvents(trackingId),
        incoming: afterShipTimeline(afterShip),
      });
      await repos.trackings.saveProgress(trackingId, {
        checkpoints: plan.checkpoints,
        anomalies: plan.anomalies,
        ...(plan.next ? { current: plan.next } : {}),
        seenAt: new Date(),
        polled: options.polled,
      });
      for (const subStatus of plan.unmapped) {
        logger.warn('unmapped tracking status', { subStatus, mappingGap: 1 });
      }
      const status = plan.next?.status ?? tracking.current.status;
      return {
        orderId: tracking.orderId,
        newCheckpoints: plan.checkpoints.length,
        anomalies: plan.anomalies.length,
        status,
        moved: plan.next !== undefined && plan.next.status !== tracking.current.status,
      };
    });
    if (!outcome) return { newCheckpoints: 0, anomalies: 0, status: 'unknown', moved: false };
    const { orderId, ...result } = outcome;
    logger.info('tracking progress applied', { trackingId, ...result });
    // Enqueued on every pass, not only on a move: a crash between saving and enqueueing must not
    // lose the write-back. The id is per (tracking, status), so repeats collapse in the queue and
    // the write-back itself records what it has done.
    await this.platform.producer.enqueue(
      jobs.trackingWriteback,
      { orderId, trigger: digest(`${trackingId}|${result.status}`, 16) },
      { correlationId: currentLogContext().correlationId ?? `tracking-${trackingId}` },
    );
    return result;
  }
}
