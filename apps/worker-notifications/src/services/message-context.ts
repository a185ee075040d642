import type { Platform } from '@shiplink/app-kit';
import type { StoreSettings } from '@shiplink/connectors';
import type { NotificationRecord, ShipmentTimeline } from '@shiplink/db';
import {
  carrierFromName,
  NotificationTriggerSchema,
  PageLanguageSchema,
  storeBrand,
  type NotificationChannel,
  type NotificationTrigger,
} from '@shiplink/domain';
import type { NotificationContext } from '@shiplink/notification-templates';

/** One claimed message with everything its channel needs to send it. */
export interface PreparedMessage {
  record: NotificationRecord;
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  /** The address it goes to (an e-mail address, an E.164 number). */
  to: string;
  /** The destination's country: the recipient's time zone. */
  country: string | null;
  /** The trigger the parcel's status is now, which may have moved on since the claim. */
  currentTrigger: NotificationTrigger | undefined;
  context: NotificationContext;
  settings: StoreSettings;
}

/** What a template sees of one parcel of one order, in the message's language. */
export async function contextOf(
  platform: Platform,
  options: { trackingPageUrl: string },
  input: {
    record: NotificationRecord;
    parcel: ShipmentTimeline;
    settings: StoreSettings;
    storeName: string;
    orderNumber: string;
    customerName: string | null;
  },
): Promise<NotificationContext> {
  const { repos } = platform;
  const { record, parcel, settings } = input;
  const language = PageLanguageSchema.catch(settings.trackingPage.defaultLanguage).parse(
    record.language,
  );
  const base = options.trackingPageUrl.replace(/\/+$/, '');
  const token = await repos.trackingPages.linkFor(record.orderId, language);
  const unsubscribe = repos.notifications.unsubscribeToken({
    storeId: record.storeId,
    channel: record.channel,
    recipientHash: record.recipientHash,
  });
  const last = parcel.checkpoints.at(-1);
  const slug = parcel.tracking?.slug ?? parcel.carrierSlug;
  return {
    language,
    trigger: NotificationTriggerSchema.parse(record.trigger),
    store: storeBrand(settings.trackingPage, input.storeName),
    customer: { name: input.customerName },
    order: { number: input.orderNumber },
    parcel: {
      carrierName: slug ? (carrierFromName(slug)?.name ?? slug.toUpperCase()) : '',
      trackingNumber: parcel.tracking?.trackingNumber ?? parcel.trackingNumber ?? '',
      trackingUrl: parcel.tracking?.trackingUrl ?? null,
      status: parcel.tracking?.current.status ?? 'pending',
      estimatedDelivery: parcel.tracking?.estimatedDelivery ?? null,
      lastEvent: {
        message: last?.message ?? null,
        location: last?.location.city ?? null,
        occurredAt: last?.occurredAt ?? null,
      },
      items: parcel.items.map((item) => ({ name: item.name, quantity: item.quantity })),
    },
    links: {
      trackingPage: `${base}/t/${token}?lang=${language}`,
      unsubscribe: `${base}/u/${unsubscribe}`,
    },
  };
}
