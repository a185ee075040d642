import { waitFor } from '@shiplink/testing';
import type { AfterShipTracking } from '@shiplink/connectors/aftership';
import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import type { TimelineView } from './admin-client';
import { startWorld, type TestWorld } from './world';

export type ParcelView = TimelineView['shipments'][number];
export type TrackingHelpers = ReturnType<typeof trackingHelpers>;

/** A test world with the store's AfterShip account connected, and the helpers to drive it. */
export async function startTrackingWorld(options: Parameters<typeof startWorld>[0] = {}) {
  const world = await startWorld({ tracking: true, ...options });
  return { world, t: trackingHelpers(world) };
}

interface StoreOrderView {
  order: { id: number; status_id: number; staff_notes: string };
  products: { id: number; sku: string; quantity: number }[];
  shippingAddresses: { id: number }[];
  shipments: { id: number; tracking_number: string; tracking_carrier: string }[];
}

/** Helpers for tracking tests: the merchant's and AfterShip's side of a world. */
export function trackingHelpers(world: TestWorld) {
  const storeOrder = (orderId: number) =>
    world.bigcommerce.get<StoreOrderView>(`/stores/${world.storeHash}/orders/${orderId}`);

  const helpers = {
    storeOrder,

    /** The merchant ships in BigCommerce's admin (all of the order unless `items` says which). */
    async shipInStore(
      orderId: number,
      parcel: {
        trackingNumber: string;
        carrier: string;
        items?: { sku: string; quantity: number }[];
      },
    ): Promise<{ id: number }> {
      const view = await storeOrder(orderId);
      const items = (parcel.items ?? view.products).map((item) => ({
        order_product_id: view.products.find((p) => p.sku === item.sku)!.id,
        quantity: item.quantity,
      }));
      return world.bigcommerce.post(`/stores/${world.storeHash}/orders/${orderId}/shipments`, {
        order_address_id: view.shippingAddresses[0]!.id,
        items,
        tracking_number: parcel.trackingNumber,
        tracking_carrier: parcel.carrier,
      });
    },

    /** An imported order, shipped whole by the merchant in the store with a UPS number. */
    async shippedInStore(order: PlaceOrderInput) {
      const orderId = await world.placeOrder(order);
      await world.shipStationOrder(orderId);
      const trackingNumber = upsNumber();
      await helpers.shipInStore(orderId, { trackingNumber, carrier: 'ups' });
      const tracking = await helpers.registered(trackingNumber);
      return { orderId, orderNumber: String(orderId), trackingNumber, tracking };
    },

    /** Dead letters parked on the tracking queue. */
    async trackingDeadLetters(): Promise<unknown[]> {
      return world.admin.parkedDeadLetters('tracking');
    },

    /** The merchant edits a store shipment (through the store's API, as its admin would). */
    async editStoreShipment(orderId: number, shipmentId: number, patch: object): Promise<void> {
      const { repos, clients } = world.hub.platform;
      const connection = await repos.tenancy.findConnection(world.setup.connections.bigcommerce.id);
      await clients.bigcommerce(connection!).updateShipment(orderId, shipmentId, patch);
    },

    async afterShipTrackings(): Promise<AfterShipTracking[]> {
      const rows = await world.aftership.get<{ tracking: AfterShipTracking }[]>('/trackings');
      return rows.map((row) => row.tracking);
    },

    /** AfterShip's tracking for a number, once the hub has registered it. */
    async registered(trackingNumber: string): Promise<AfterShipTracking> {
      return waitFor(
        async () =>
          (await helpers.afterShipTrackings()).find((t) => t.tracking_number === trackingNumber),
        { what: `AfterShip tracking ${trackingNumber}` },
      );
    },

    /** The order's timeline once `ready` holds for it. */
    async timeline(orderNumber: string, ready: (parcels: ParcelView[]) => boolean) {
      return waitFor(
        async () => {
          const view = await world.admin.timeline(orderNumber);
          return ready(view.shipments) ? view.shipments : undefined;
        },
        { what: `the timeline of order ${orderNumber}` },
      );
    },

    parcel(parcels: ParcelView[], trackingNumber: string): ParcelView | undefined {
      return parcels.find((p) => p.trackingNumber === trackingNumber);
    },

    /** One carrier scan at AfterShip; its webhook follows. */
    scan(
      afterShipId: string,
      scan: { subtag: string; checkpoint_time?: string; message?: string },
    ) {
      return world.aftership.post<{ eventId: string }>(`/trackings/${afterShipId}/scan`, {
        city: 'Chicago',
        state: 'IL',
        country_region: 'USA',
        ...scan,
      });
    },

    /** Every remaining step of the tracking's journey; one webhook per step. */
    run(afterShipId: string) {
      return world.aftership.post<{ eventIds: string[] }>(`/trackings/${afterShipId}/run`);
    },

    redeliver(eventId: string) {
      return world.aftership.post(`/webhooks/redeliver/${eventId}`);
    },

    /** Inbox rows of AfterShip webhooks, by status. */
    async inbox(): Promise<{ dedupKey: string; status: string; error: string | null }[]> {
      return world.hub.platform.repos.db.inboxEvent.findMany({
        where: { provider: 'aftership' },
        select: { dedupKey: true, status: true, error: true },
      });
    },
  };
  return helpers;
}

let serial = Math.floor(Math.random() * 1e9);
/** A fresh UPS-shaped number (`1Z` + 16), which AfterShip's detection reads as UPS. */
export const upsNumber = () => `1ZTEST${String(++serial).padStart(12, '0')}`;
/** A `JJD…` piece number: Posti's and DHL's alike, so detection cannot decide. */
export const ambiguousNumber = () => `JJD${String(++serial).padStart(18, '0')}`;
