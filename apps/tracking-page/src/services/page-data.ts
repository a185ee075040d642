import type { OrderTimeline, PageStore, ShipmentTimeline } from '@shiplink/db';
import {
  CanonicalOrderSchema,
  carrierFromName,
  storeBrand,
  TrackingPageSettingsSchema,
  TrackingStatusSchema,
  type CanonicalOrder,
  type TrackingLocation,
  type TrackingPageSettings,
} from '@shiplink/domain';
import type { Branding, EventView, ParcelView } from '../views/model';

// A store is one object for as long as the repository caches it, and every request asks for its
// settings a few times: each store object's are parsed once.
const parsedSettings = new WeakMap<PageStore, TrackingPageSettings>();

/**
 * A store's tracking page settings; settings that do not parse (saved by an older release) give
 * the defaults rather than a broken page.
 */
export function pageSettingsOf(store: PageStore): TrackingPageSettings {
  const known = parsedSettings.get(store);
  if (known) return known;
  const settings = store.settings as { trackingPage?: unknown } | null;
  const parsed = TrackingPageSettingsSchema.safeParse(settings?.trackingPage ?? {});
  const result = parsed.success ? parsed.data : TrackingPageSettingsSchema.parse({});
  parsedSettings.set(store, result);
  return result;
}

export function brandingOf(store: PageStore, settings: TrackingPageSettings): Branding {
  const { name, ...brand } = storeBrand(settings, store.name);
  return { storeName: name, ...brand };
}

/** The canonical order as imported; undefined when what is stored is not one. */
export function canonicalOf(stored: unknown): CanonicalOrder | undefined {
  const parsed = CanonicalOrderSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

const locationText = (location: TrackingLocation): string | null => {
  const place = [location.city, location.countryRegion].filter(Boolean).join(', ');
  return place || location.raw || null;
};

const carrierName = (slug: string | null) =>
  slug ? (carrierFromName(slug)?.name ?? slug.toUpperCase()) : null;

function parcelOf(shipment: ShipmentTimeline, options: { items: boolean }): ParcelView | undefined {
  const trackingNumber = shipment.tracking?.trackingNumber ?? shipment.trackingNumber;
  if (!trackingNumber) return undefined;
  const slug = shipment.tracking?.slug ?? shipment.carrierSlug;
  const events: EventView[] = shipment.checkpoints
    .map((checkpoint) => ({
      occurredAt: checkpoint.occurredAt,
      isLocal: checkpoint.occurredAtIsLocal,
      status: TrackingStatusSchema.catch('unknown').parse(checkpoint.status),
      message: checkpoint.message,
      location: locationText(checkpoint.location),
    }))
    .reverse();
  return {
    carrierName: carrierName(slug) ?? '',
    trackingNumber,
    trackingUrl: shipment.tracking?.trackingUrl ?? null,
    status: shipment.tracking?.current.status ?? 'pending',
    estimatedDelivery: shipment.tracking?.estimatedDelivery ?? null,
    items: options.items
      ? shipment.items.map((item) => ({ name: item.name, quantity: item.quantity }))
      : null,
    events,
  };
}

/** The order's parcels as the page shows them, and what no parcel carries yet. */
export function parcelsOf(
  timeline: OrderTimeline,
  order: CanonicalOrder | undefined,
  options: { items: boolean },
): { parcels: ParcelView[]; unshipped: { name: string; quantity: number }[] | null } {
  const parcels = timeline.shipments.flatMap((shipment) => parcelOf(shipment, options) ?? []);
  if (!options.items || !order) return { parcels, unshipped: null };
  const shipped = new Map<string, number>();
  for (const shipment of timeline.shipments) {
    for (const item of shipment.items) {
      shipped.set(item.sku, (shipped.get(item.sku) ?? 0) + item.quantity);
    }
  }
  const unshipped = order.lines.flatMap((line) => {
    const taken = Math.min(line.quantity, shipped.get(line.sku) ?? 0);
    shipped.set(line.sku, (shipped.get(line.sku) ?? 0) - taken);
    const left = line.quantity - taken;
    return left > 0 ? [{ name: line.name, quantity: left }] : [];
  });
  return { parcels, unshipped };
}
