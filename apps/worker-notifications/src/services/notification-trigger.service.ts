import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import {
  CanonicalOrderSchema,
  channelsFor,
  destinationOf,
  languageFor,
  recipientOf,
  triggerOf,
  type TrackingStatus,
} from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';
import { claimMessage } from './claims';

/**
 * A parcel's new status, as the store's rules see it: which channels to tell the customer on,
 * each one claimed as one message (shipment, trigger, channel) before it is sent, so whatever
 * is replayed sends nothing twice. News older than the limit is not sent.
 */
export class NotificationTriggerService {
  constructor(
    private readonly platform: Platform,
    private readonly options: { maxAgeHours: number },
  ) {}

  async handle(input: { trackingId: string; status: TrackingStatus; occurredAt: string }) {
    const { repos, logger } = this.platform;
    const trigger = triggerOf(input.status);
    const tracking = await repos.trackings.find(input.trackingId);
    if (!trigger || !tracking) return;
    const ageMs = Date.now() - new Date(input.occurredAt).getTime();
    if (ageMs > this.options.maxAgeHours * 3_600_000) {
      logger.info('no notification for old news', { trigger, occurredAt: input.occurredAt });
      return;
    }
    const [order, shipment, store] = await Promise.all([
      repos.orders.find(tracking.orderId),
      repos.shipments.findForWriteback(tracking.shipmentId),
      repos.tenancy.getStore(tracking.storeId),
    ]);
    const canonical = CanonicalOrderSchema.safeParse(order?.canonical);
    if (!order || !shipment || !store || !canonical.success) return;
    await withLogContext({ orderRef: order.orderNumber }, async () => {
      const settings = parseStoreSettings(store.settings, store.id);
      const destination = destinationOf(
        canonical.data,
        shipment.items.map((item) => item.lineExternalId),
      );
      const channels = channelsFor(settings.notifications, {
        trigger,
        country: destination?.shipTo.country ?? null,
        shippingMethod: destination?.shippingMethod ?? null,
        carrierSlug: tracking.slug,
      });
      const language = languageFor(
        destination?.shipTo.country ?? null,
        settings.trackingPage.defaultLanguage,
      );
      for (const channel of channels) {
        await claimMessage(
          this.platform,
          { orderId: order.id, shipmentId: shipment.id, storeId: store.id, trigger, language },
          channel,
          recipientOf(channel, canonical.data, destination),
        );
      }
      logger.info('notification trigger handled', { trigger, channels });
    });
  }
}
