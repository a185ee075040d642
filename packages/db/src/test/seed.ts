import type { Repos } from '../index';

/**
 * A tenant, a store, one of its orders and one shipment of it, the rows most repository tests
 * start from. Names and refs are the caller's, so each suite reads as its own story.
 */
export async function seedShipment(
  repos: Repos,
  input: {
    store: string;
    storeRef: string;
    settings?: unknown;
    orderNumber: string;
    source: string;
    trackingNumber: string;
    carrierSlug: string;
  },
) {
  const tenant = await repos.tenancy.createTenant(input.store);
  const store = await repos.tenancy.createStore({
    tenantId: tenant.id,
    name: input.store,
    platform: 'bigcommerce',
    externalRef: input.storeRef,
    ...(input.settings === undefined ? {} : { settings: input.settings }),
  });
  const order = await repos.db.order.create({
    data: {
      storeId: store.id,
      externalId: input.orderNumber,
      orderNumber: input.orderNumber,
      storeStatusId: 2,
      storeStatus: 'Shipped',
      currency: 'EUR',
      canonical: { orderNumber: input.orderNumber },
    },
  });
  const shipment = await repos.shipments.upsertFromSource({
    orderId: order.id,
    fulfilmentOrderId: null,
    source: input.source,
    sourceId: input.trackingNumber,
    trackingNumber: input.trackingNumber,
    carrierCode: null,
    carrierSlug: input.carrierSlug,
    serviceCode: null,
    shippingMethod: null,
    shippingCost: null,
    shipDate: null,
    voided: false,
    raw: {},
    items: [],
  });
  return { tenant, store, order, shipment };
}
