import { PAGE_LANGUAGES, type PageLanguage } from '@shiplink/domain';
import { hexColor } from './contrast';
import { NOTIFICATION_TRIGGERS, type NotificationContext, type ParcelContext } from './model';
import { httpsUrl, webUrl } from './urls';

/** The brand colours of a store that has none that can be used (as the tracking page's defaults). */
export const DEFAULT_PRIMARY = '#1f3a5f';
export const DEFAULT_ACCENT = '#0b5cad';

export function isPageLanguage(value: unknown): value is PageLanguage {
  return typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const countOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

function parcelData(parcel: ParcelContext): ParcelContext {
  return {
    carrierName: text(parcel.carrierName),
    trackingNumber: text(parcel.trackingNumber),
    trackingUrl: httpsUrl(parcel.trackingUrl),
    status: parcel.status,
    estimatedDelivery: textOrNull(parcel.estimatedDelivery),
    lastEvent: {
      message: textOrNull(parcel.lastEvent.message),
      location: textOrNull(parcel.lastEvent.location),
      occurredAt: textOrNull(parcel.lastEvent.occurredAt),
    },
    items: parcel.items.map((item) => ({ name: text(item.name), quantity: item.quantity })),
  };
}

/**
 * What templates actually see: a fresh copy of plain data (no getters, class instances or extra
 * fields the caller happened to pass), with every URL and colour checked, because `{{ }}`
 * escaping protects text and attributes but not a `javascript:` link or a `;`-laden colour in
 * inline CSS. The hub builds `links`, so they are kept when they are web URLs at all.
 */
export function templateData(context: NotificationContext): NotificationContext {
  const { store, parcel, facts, links } = context;
  return {
    language: isPageLanguage(context.language) ? context.language : 'en',
    trigger: NOTIFICATION_TRIGGERS.includes(context.trigger) ? context.trigger : 'shipped',
    store: {
      name: text(store.name),
      logoUrl: httpsUrl(store.logoUrl),
      primaryColor: hexColor(store.primaryColor) ?? DEFAULT_PRIMARY,
      accentColor: hexColor(store.accentColor) ?? DEFAULT_ACCENT,
      supportEmail: textOrNull(store.supportEmail),
      supportPhone: textOrNull(store.supportPhone),
      supportUrl: httpsUrl(store.supportUrl),
    },
    customer: { name: textOrNull(context.customer.name) },
    order: { number: text(context.order.number) },
    parcel: parcel ? parcelData(parcel) : null,
    facts: {
      amount: textOrNull(facts?.amount),
      currency: textOrNull(facts?.currency),
      items: countOrNull(facts?.items),
    },
    links: {
      trackingPage: webUrl(links.trackingPage) ?? '',
      unsubscribe: webUrl(links.unsubscribe) ?? '',
    },
  };
}
