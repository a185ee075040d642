import type { PageLanguage, TrackingStatus } from '@shiplink/domain';

/** The languages the page speaks (the store settings' `PAGE_LANGUAGES`). */
export { PAGE_LANGUAGES as PAGE_LOCALES } from '@shiplink/domain';
export type PageLocale = PageLanguage;

/** What a store chose to look like, and how customers reach its support. */
export interface Branding {
  storeName: string;
  /** An https URL the store hosts; left out when absent. */
  logoUrl: string | null;
  /** `#rrggbb`: headers and buttons. The page keeps text readable whatever is chosen. */
  primaryColor: string;
  /** `#rrggbb`: links and the progress bar. */
  accentColor: string;
  supportEmail: string | null;
  supportPhone: string | null;
  supportUrl: string | null;
}

/** Links to the same page in each language (the current one marked). */
export interface LanguageLink {
  locale: PageLocale;
  href: string;
  current: boolean;
}

export interface PageChrome {
  locale: PageLocale;
  branding: Branding;
  languages: LanguageLink[];
  /** Where the lookup form posts (and the "look up another order" link points). */
  lookupPath: string;
  /** A nonce for the page's one inline style element (the Content-Security-Policy names it). */
  styleNonce: string;
}

/** One checkpoint as the carrier reported it. */
export interface EventView {
  /**
   * ISO 8601 as the carrier gave it: with its offset (`2025-03-05T14:02:11+02:00`), or, when
   * `isLocal`, the wall time at the checkpoint without one.
   */
  occurredAt: string;
  isLocal: boolean;
  status: TrackingStatus;
  /** The carrier's words, when it gave some. */
  message: string | null;
  /** "Vantaa, FI"-like, when known. */
  location: string | null;
}

export interface ParcelView {
  carrierName: string;
  trackingNumber: string;
  /** The carrier's (or tracking provider's) page for the parcel. */
  trackingUrl: string | null;
  status: TrackingStatus;
  /** ISO date or date-time; null when nobody estimates. */
  estimatedDelivery: string | null;
  /** The order lines in the parcel; null when the page may not show order details. */
  items: { name: string; quantity: number }[] | null;
  /** Newest first. */
  events: EventView[];
}

export interface OrderPageView extends PageChrome {
  /** Null when the page was reached by a tracking number alone: no order details then. */
  orderNumber: string | null;
  parcels: ParcelView[];
  /** Items of the order no parcel carries yet (still being prepared); null: not shown. */
  unshipped: { name: string; quantity: number }[] | null;
}

export type LookupProblem = 'not_found' | 'rate_limited' | 'invalid';

export interface LookupPageView extends PageChrome {
  problem: LookupProblem | null;
  /** What the customer typed, shown back (never anything else). */
  values: { orderNumber: string; contact: string; trackingNumber: string };
}
