import type { Platform } from '@shiplink/app-kit';
import { TERMINAL_STATUSES, type TrackingStatus } from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';
import type { TrackingProgressService } from './tracking-progress.service';

/** Statuses after which the provider stops tracking, so there is nothing left to poll for. */
const SETTLED: readonly TrackingStatus[] = [...TERMINAL_STATUSES, 'expired'];

export interface TrackingPollOptions {
  staleAfterMs: number;
  batch: number;
}

/**
 * Delta poll: trackings with no news for `staleAfterMs` (webhook or poll) are re-read from
 * the tracking provider and applied like a webhook, so a lost webhook cannot leave a parcel "in transit"
 * forever. Each one read is stamped, so a run cut short by the provider's rate limit resumes where
 * it stopped.
 */
export class TrackingPollService {
  constructor(
    private readonly platform: Platform,
    private readonly progress: TrackingProgressService,
    private readonly options: TrackingPollOptions,
  ) {}

  async poll({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('tracking'),
    );
    const client = ports.tracking(connection);
    const stale = await repos.trackings.findStale({
      storeId: connection.storeId,
      connectionId: connection.id,
      unassigned: client.carriers === 'any',
      before: new Date(Date.now() - this.options.staleAfterMs),
      finalStatuses: SETTLED,
      limit: this.options.batch,
    });
    let moved = 0;
    for (const tracking of stale) {
      await withLogContext({ orderRef: tracking.orderNumber }, async () => {
        const current = tracking.trackingRef ? await client.read(tracking.trackingRef) : undefined;
        if (!current) {
          // Deleted at the provider by someone else: nothing to read; a person sees it in the timeline.
          logger.warn('tracking missing at the provider', {
            trackingNumber: tracking.trackingNumber,
          });
          await repos.trackings.markPolled(tracking.id, new Date());
          return;
        }
        const outcome = await this.progress.apply(tracking.id, current, { polled: true });
        if (outcome.moved || outcome.newCheckpoints > 0) moved += 1;
      });
    }
    logger.info('trackings polled', { stale: stale.length, moved });
  }
}
