import type { NotificationTrigger } from '../model';

/**
 * The words of one language's default templates. Every string is Handlebars source without
 * markup, so the same words serve the HTML content and the text part (defaults.ts lays them
 * out); they must not contain `<`, `>` or `&`, which would be markup in the HTML.
 */
export interface TriggerCopy {
  subject: string;
  heading: string;
  intro: string;
  /** What the customer can or should do now; absent when there is nothing to do. */
  advice?: string;
  sms: string;
}

export interface LanguageCopy {
  greeting: string;
  labels: {
    estimatedDelivery: string;
    status: string;
    carrier: string;
    trackingNumber: string;
    latestUpdate: string;
    items: string;
    /** An order's news (no parcel): its details. */
    orderNumber: string;
    refundAmount: string;
    returnedItems: string;
  };
  /** The button's label, and the text part's lead-in to the tracking link. */
  track: string;
  /** The same for an order's news, which has no parcel to track yet (or any more). */
  viewOrder: string;
  thanks: string;
  triggers: Readonly<Record<NotificationTrigger, TriggerCopy>>;
}
