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
import {
  messageFacts,
  type NotificationContext,
  type ParcelContext,
} from '@shiplink/notification-templates';

/** One claimed message with everything its channel needs to send it. */
export interface PreparedMessage {
  record: NotificationRecord;
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  /** The address it goes to (an e-mail address, an E.164 number). */
  to: string;
  /** The destination's country: the recipient's time zone. */
  country: string | null;
  /**
   * The trigger the parcel's status is now, which may have moved on since the claim; an order's
   * news is its own trigger (nothing overtakes it while it waits for quiet hours).
   */
  currentTrigger: NotificationTrigger | undefined;
  context: NotificationContext;
  settings: StoreSettings;
}

function parcelContext(parcel: ShipmentTimeline): ParcelContext {
  const last = parcel.checkpoints.at(-1);
  const slug = parcel.tracking?.slug ?? parcel.carrierSlug;
  return {
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
  };
}

/**
 * What a template sees of one message, in its language: about one parcel of an order (`parcel`),
 * or about the order itself (`parcel` null), with the facts its claim recorded. Only the hub's
 * own fields go in: the order's notes (the customer's, the staff's) never reach a message.
 */
export async function contextOf(
  platform: Platform,
  options: { trackingPageUrl: string },
  input: {
    record: NotificationRecord;
    parcel: ShipmentTimeline | null;
    settings: StoreSettings;
    storeName: string;
    orderNumber: string;
    orderCurrency: string;
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
  return {
    language,
    trigger: NotificationTriggerSchema.parse(record.trigger),
    store: storeBrand(settings.trackingPage, input.storeName),
    customer: { name: input.customerName },
    order: { number: input.orderNumber },
    parcel: parcel ? parcelContext(parcel) : null,
    facts: messageFacts(record.facts, language, input.orderCurrency),
    links: {
      trackingPage: `${base}/t/${token}?lang=${language}`,
      unsubscribe: `${base}/u/${unsubscribe}`,
    },
  };
}
