import type { Platform } from '@shiplink/app-kit';
import { parseAfterShipWebhook } from '@shiplink/connectors/aftership';
import { LIVE_REGISTRATIONS } from '@shiplink/db';
import { inboxDedupKey } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { withLogContext } from '@shiplink/logger';
import type { TrackingProgressService } from './tracking-progress.service';

/**
 * Status events in: the AfterShip webhook the ingress recorded is read back from the inbox and
 * applied to the tracking it names. An event for a tracking the hub does not have (registered by
 * hand in AfterShip, or one we replaced) is recorded as ignored with the reason, not a failure.
 */
export class TrackingEventsService {
  constructor(
    private readonly platform: Platform,
    private readonly progress: TrackingProgressService,
  ) {}

  async handle(input: { connectionId: string; trackingRef: string; eventRef: string }) {
    const { repos, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(input.connectionId, 'aftership');
    const stored = await repos.inbox.findByDedupKey(
      inboxDedupKey('aftership', connection.id, input.eventRef),
    );
    if (!stored) {
      throw new PermanentError(`aftership event ${input.eventRef} is not in the inbox`, {
        reason: 'tracking.event_missing',
      });
    }
    const { msg } = parseAfterShipWebhook(stored.payload);
    const tracking = await repos.trackings.findForEvent(connection.storeId, {
      afterShipId: msg.id,
      slug: msg.slug,
      trackingNumber: msg.tracking_number,
    });
    if (!tracking || !LIVE_REGISTRATIONS.includes(tracking.registration)) {
      const why = tracking
        ? `tracking ${msg.tracking_number} was ${tracking.registration}`
        : `no tracking ${msg.slug}/${msg.tracking_number} registered by the hub for this store`;
      await repos.inbox.markIgnored(stored.id, why);
      repos.audit.record({
        direction: 'internal',
        kind: 'tracking.ignored',
        provider: 'aftership',
        connectionId: connection.id,
        correlationId: stored.correlationId,
        orderRef: msg.order_number ?? undefined,
        error: why,
        metadata: { eventRef: input.eventRef },
      });
      logger.info('tracking event ignored', { eventRef: input.eventRef, why });
      return;
    }
    await withLogContext({ orderRef: tracking.orderNumber }, () =>
      this.progress.apply(tracking.id, msg, { polled: false }),
    );
  }
}
