import type { Platform } from '@shiplink/app-kit';
import { digest, type TrackingSnapshot } from '@shiplink/domain';
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
      for (const subStatus of plan.unmapped) {
        logger.warn('unmapped tracking status', { subStatus, mappingGap: 1 });
      }
      const now = plan.next ?? tracking.current;
      const newest = plan.checkpoints.at(-1)?.identity;
      return {
        orderId: tracking.orderId,
        // Every status this batch moved to, and the one it ends in (or where it stood).
        reached: new Set([...plan.transitions.map((move) => move.status), now.status]),
        newest,
        newCheckpoints: plan.checkpoints.length,
        anomalies: plan.anomalies.length,
        status: now.status,
        moved: plan.transitions.length > 0,
      };
    });
    if (!outcome) return { newCheckpoints: 0, anomalies: 0, status: 'unknown', moved: false };
    const { orderId, reached, newest, ...result } = outcome;
    logger.info('tracking progress applied', { trackingId, ...result });
    // A write-back for every status reached, not only the last: several statuses in one batch
    // each get theirs. The current one is enqueued on every pass, not only on a move, so a crash
    // between saving and enqueueing cannot lose it. Ids are per (tracking, status), as the
    // effects are, so repeats collapse in the queue; the write-back reads the whole history and
    // records what it has done.
    // A new checkpoint without a new status gets one too (keyed by the checkpoint): stores that
    // show the last event per parcel have something new to show.
    const correlationId = currentLogContext().correlationId ?? `tracking-${trackingId}`;
    const triggers = [...reached].map((status) => `${trackingId}|${status}`);
    if (newest) triggers.push(`${trackingId}|checkpoint|${newest}`);
    await Promise.all(
      triggers.map((trigger) =>
        this.platform.producer.enqueue(
          jobs.trackingWriteback,
          { orderId, trigger: digest(trigger, 16) },
          { correlationId },
        ),
      ),
    );
    return result;
  }
}
