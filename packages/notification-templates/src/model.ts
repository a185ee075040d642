import type { PageLanguage, StoreBrand, TrackingStatus } from '@shiplink/domain';

/** The moments and channels, as the store's notification settings name them. */
export {
  isOrderNotificationTrigger,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TRIGGERS,
  ORDER_NOTIFICATION_TRIGGERS,
  PARCEL_NOTIFICATION_TRIGGERS,
  type NotificationChannel,
  type NotificationTrigger,
  type OrderNotificationTrigger,
  type ParcelNotificationTrigger,
} from '@shiplink/domain';
import type { NotificationTrigger } from '@shiplink/domain';

/** What a template sees of the parcel a message is about. */
export interface ParcelContext {
  carrierName: string;
  trackingNumber: string;
  /** The carrier's own page for the parcel. */
  trackingUrl: string | null;
  status: TrackingStatus;
  /** ISO date or date-time. */
  estimatedDelivery: string | null;
  /** The checkpoint that set the status, as the carrier worded it. */
  lastEvent: { message: string | null; location: string | null; occurredAt: string | null };
  items: { name: string; quantity: number }[];
}

/**
 * What an order's news says beyond the order (see `messageFacts`); all null for a parcel's, and
 * for order news that has nothing to add (a hold, a delay).
 */
export interface MessageFacts {
  /** A refund's amount in the message's language, with its currency: `€49.90`, `49,90 €`. */
  amount: string | null;
  /** ISO 4217 code of the amount. */
  currency: string | null;
  /** How many items (a return's). */
  items: number | null;
}

/**
 * Everything a template may use, for one message of one order, in one language: about one of
 * its parcels (`parcel`), or about the order itself (`parcel` null: a hold, a refund).
 */
export interface NotificationContext {
  language: PageLanguage;
  trigger: NotificationTrigger;
  /** `storeBrand` of the store's tracking page settings (colours are `#rrggbb`). */
  store: StoreBrand;
  customer: { name: string | null };
  order: { number: string };
  /** The parcel a parcel trigger's message is about; null for an order trigger's. */
  parcel: ParcelContext | null;
  facts: MessageFacts;
  links: {
    /** The order's tracking page (its opaque link, in the message's language). */
    trackingPage: string;
    /** One click unsubscribes this recipient from the store's tracking messages. */
    unsubscribe: string;
  };
}

/** A parcel trigger's context: it always has its parcel. */
export type ParcelNotificationContext = NotificationContext & { parcel: ParcelContext };

/** Handlebars sources a merchant can edit; every field is a template. */
export interface EmailTemplate {
  subject: string;
  /** The message's content; the branded, responsive layout wraps it. */
  html: string;
  text: string;
}

export interface SmsTemplate {
  body: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The fields a merchant edits, each validated on its own: they escape and end up differently. */
export const TEMPLATE_KINDS = ['subject', 'html', 'text', 'sms'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
