import type { Platform } from '@shiplink/app-kit';
import { LIVE_REGISTRATIONS } from '@shiplink/db';
import { inboxDedupKey } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { withLogContext } from '@shiplink/logger';
import type { TrackingProgressService } from './tracking-progress.service';

/**
 * Status events in: the tracking provider's webhook the ingress recorded is read back from the inbox and
 * applied to the tracking it names. An event for a tracking the hub does not have (registered by
 * hand at the provider, or one we replaced) is recorded as ignored with the reason, not a failure.
 */
export class TrackingEventsService {
  constructor(
    private readonly platform: Platform,
    private readonly progress: TrackingProgressService,
  ) {}

  async handle(input: { connectionId: string; trackingRef: string; eventRef: string }) {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      input.connectionId,
      ports.providersFor('tracking'),
    );
    const stored = await repos.inbox.findByDedupKey(
      inboxDedupKey(connection.provider, connection.id, input.eventRef),
    );
    if (!stored) {
      throw new PermanentError(
        `${connection.provider} event ${input.eventRef} is not in the inbox`,
        {
          reason: 'tracking.event_missing',
        },
      );
    }
    const snapshot = ports.tracking(connection).snapshotOfEvent(stored.payload);
    const slug = snapshot.carrierSlug ?? '';
    const tracking = await repos.trackings.findForEvent(connection.storeId, {
      trackingRef: snapshot.trackingRef,
      slug,
      trackingNumber: snapshot.trackingNumber,
    });
    if (!tracking || !LIVE_REGISTRATIONS.includes(tracking.registration)) {
      const why = tracking
        ? `tracking ${snapshot.trackingNumber} was ${tracking.registration}`
        : `no tracking ${slug}/${snapshot.trackingNumber} registered by the hub for this store`;
      await repos.inbox.markIgnored(stored.id, why);
      repos.audit.record({
        direction: 'internal',
        kind: 'tracking.ignored',
        provider: connection.provider,
        connectionId: connection.id,
        correlationId: stored.correlationId,
        orderRef: snapshot.orderNumber ?? undefined,
        error: why,
        metadata: { eventRef: input.eventRef },
      });
      logger.info('tracking event ignored', { eventRef: input.eventRef, why });
      return;
    }
    await withLogContext({ orderRef: tracking.orderNumber }, () =>
      this.progress.apply(tracking.id, snapshot, { polled: false }),
    );
  }
}
