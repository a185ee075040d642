import type { Platform } from '@shiplink/app-kit';
import { digest, triggerOf, type TrackingSnapshot } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';
import { planProgress } from './progress-plan';
import { observeProgress } from './tracking-metrics';

export interface ProgressOutcome {
  newCheckpoints: number;
  anomalies: number;
  status: string;
  moved: boolean;
}

/**
 * Applies what the tracking provider says about a tracking (a webhook's or a poll's copy) to our record. One
 * tracking is worked by one process at a time (advisory lock), and each batch is saved in one
 * transaction, so racing workers and crashed jobs end in the same state as one careful worker.
 */
export class TrackingProgressService {
  constructor(private readonly platform: Platform) {}

  async apply(
    trackingId: string,
    snapshot: TrackingSnapshot,
    options: { polled: boolean },
  ): Promise<ProgressOutcome> {
    const { repos, logger } = this.platform;
    const outcome = await repos.locks.withLock(`tracking:${trackingId}`, async () => {
      const tracking = await repos.trackings.find(trackingId);
      if (!tracking) return undefined;
      const plan = planProgress({
        current: tracking.current,
        stored: await repos.trackings.storedEvents(trackingId),
        incoming: snapshot.entries,
      });
      await repos.trackings.saveProgress(trackingId, {
        checkpoints: plan.checkpoints,
        anomalies: plan.anomalies,
        ...(plan.next ? { current: plan.next } : {}),
        transitions: plan.transitions,
        seenAt: new Date(),
        polled: options.polled,
        ...(snapshot.estimatedDelivery === undefined
          ? {}
          : { estimatedDelivery: snapshot.estimatedDelivery }),
        ...(snapshot.trackingUrl === undefined ? {} : { trackingUrl: snapshot.trackingUrl }),
      });
      observeProgress(plan);
      for (const subStatus of plan.unmapped) {
        logger.warn('unmapped tracking status', { subStatus, mappingGap: 1 });
      }
      const now = plan.next ?? tracking.current;
      const newest = plan.checkpoints.at(-1)?.identity;
      return {
        orderId: tracking.orderId,
        shipmentId: tracking.shipmentId,
        newest,
        newCheckpoints: plan.checkpoints.length,
        anomalies: plan.anomalies.length,
        status: now.status,
        moved: plan.transitions.length > 0,
        current: now,
      };
    });
    if (!outcome) return { newCheckpoints: 0, anomalies: 0, status: 'unknown', moved: false };
    const { orderId, shipmentId, newest, current, ...result } = outcome;
    logger.info('tracking progress applied', { trackingId, ...result });
    // One write-back per batch: it reads the tracking's whole history, so every status the batch
    // passed through is written (an exception overtaken by a delivery is still noted), and a
    // store that shows each parcel's newest event gets it. A batch with new checkpoints is keyed
    // by the newest one; a pass without any (a replay, a poll that found nothing new) by the
    // current status, so a crash between saving and enqueueing cannot lose the write-back, and
    // repeats collapse in the queue.
    const correlationId = currentLogContext().correlationId ?? `tracking-${trackingId}`;
    const trigger = newest
      ? `${trackingId}|checkpoint|${newest}`
      : `${trackingId}|${result.status}`;
    await this.platform.producer.enqueue(
      jobs.trackingWriteback,
      { orderId, trigger: digest(trigger, 16) },
      { correlationId },
    );
    // The customer hears about the status the parcel is in now, once per status (the job and the
    // notification's unique key collapse repeats); the store's rules decide whether and how.
    if (current.occurredAt && triggerOf(current.status)) {
      await this.platform.producer.enqueue(
        jobs.notificationTrigger,
        { trackingId, status: current.status, occurredAt: current.occurredAt.toISOString() },
        { correlationId },
      );
    }
    // A parcel back at the merchant is a return of what it held (the returns worker decides).
    if (current.status === 'returned' && shipmentId) {
      await this.platform.producer.enqueue(jobs.parcelReturned, { shipmentId }, { correlationId });
    }
    return result;
  }
}
