import type { PageLanguage, StoreBrand, TrackingStatus } from '@shiplink/domain';

/** The moments and channels, as the store's notification settings name them. */
export {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TRIGGERS,
  type NotificationChannel,
  type NotificationTrigger,
} from '@shiplink/domain';
import type { NotificationTrigger } from '@shiplink/domain';

/** Everything a template may use, for one parcel of one order, in one language. */
export interface NotificationContext {
  language: PageLanguage;
  trigger: NotificationTrigger;
  /** `storeBrand` of the store's tracking page settings (colours are `#rrggbb`). */
  store: StoreBrand;
  customer: { name: string | null };
  order: { number: string };
  parcel: {
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
  };
  links: {
    /** The order's tracking page (its opaque link, in the message's language). */
    trackingPage: string;
    /** One click unsubscribes this recipient from the store's tracking messages. */
    unsubscribe: string;
  };
}

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
