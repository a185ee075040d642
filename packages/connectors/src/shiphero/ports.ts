import {
  carrierSlugFromCode,
  type FulfilmentOrderState,
  type FulfilmentSystem,
  type InboundShipment,
  type ProductMatch,
} from '@shiplink/domain';
import type { ShipHeroClient } from './client';
import { holdsFor, shipHeroStatusFor, toShipHeroOrder } from './mapping';
import { shipHeroProductSync } from './products';
import { SHIPHERO_PROVIDER } from './profile';
import type { ShipHeroOrder, ShipHeroOrderRef, ShipHeroShipment } from './schemas';
import { fulfilmentStatusOf, type ShipHeroSettings } from './settings';

/** A legacy numeric shipment id from a webhook, as an opaque batch reference. */
export const LEGACY_SHIPMENT_REF = 'legacy-shipment:';
/** A legacy numeric order id from a webhook that gave no uuid. */
export const LEGACY_ORDER_REF = 'legacy-order:';

/**
 * A ShipHero shipment as store shipments: one per package (shipping label), because ShipHero's
 * `packages[]` is authoritative and the store must never get two shipments for one package.
 * Line items name the label they went in; with a single label every item is in it.
 */
export function packagesOf(shipment: ShipHeroShipment): InboundShipment[] {
  const labels = shipment.shipping_labels ?? [];
  const items = (shipment.line_items?.edges ?? []).flatMap((edge) =>
    edge.node ? [edge.node] : [],
  );
  return labels.map((label) => {
    const inLabel =
      labels.length === 1 ? items : items.filter((item) => item.shipping_label_id === label.id);
    return {
      sourceId: label.id,
      orderKey: shipment.order?.partner_order_id ?? null,
      fulfilmentOrderId: shipment.order_id ?? shipment.order?.id ?? null,
      trackingNumber: label.tracking_number || null,
      carrierCode: label.carrier || null,
      carrierSlug: carrierSlugFromCode(SHIPHERO_PROVIDER, label.carrier) || null,
      serviceCode: label.shipping_method || label.shipping_name || null,
      shippingCost: label.cost || null,
      // `insurance_amount` is the value insured, not what insuring cost: no cost is claimed.
      insuranceCost: null,
      shipDate: label.created_date ?? shipment.created_date ?? null,
      voided: label.status === 'void' || label.status === 'voided',
      // ShipHero's return labels belong to its returns, never to shipments.
      isReturn: false,
      warehouseRef: shipment.warehouse_id ?? null,
      items: inLabel.map((item) => ({
        lineRef: item.line_item?.partner_line_item_id ?? null,
        sku: item.line_item?.sku ?? null,
        quantity: item.quantity ?? 0,
      })),
      raw: { shipment: { id: shipment.id, legacy_id: shipment.legacy_id }, label },
    };
  });
}

/** ShipHero's Public API as a fulfilment system, with the connection's shop and statuses. */
export function shipHeroFulfilmentSystem(
  client: ShipHeroClient,
  settings: ShipHeroSettings,
): FulfilmentSystem {
  const stateOf = (order: ShipHeroOrder | ShipHeroOrderRef): FulfilmentOrderState => {
    const rawStatus = order.fulfillment_status ?? 'pending';
    const status = fulfilmentStatusOf(settings, rawStatus);
    // ShipHero's statuses are the account's own words: a hold is whichever maps to on_hold.
    return {
      externalId: order.id,
      status,
      rawStatus,
      ...(status === 'on_hold'
        ? { exception: { kind: 'on_hold' as const, detail: rawStatus } }
        : {}),
    };
  };
  const settled = (state: FulfilmentOrderState) =>
    state.status === 'shipped' || state.status === 'cancelled';

  return {
    async upsertOrder(order, destination, { orderKey }) {
      const target = shipHeroStatusFor(order.status);
      if (!target) return undefined;
      // One ShipHero order per store destination: looked up by the key before anything is created.
      const existing = await client.orderByPartnerId(orderKey);
      const input = toShipHeroOrder(order, destination, { orderKey, shopName: settings.shopName });
      if (!existing) {
        if (target === 'canceled') return undefined;
        const created = await client.createOrder(input);
        const holds = holdsFor(order.status);
        if (holds.payment_hold || holds.operator_hold) {
          await client.updateHolds({ order_id: created.id, ...holds });
        }
        return stateOf(created);
      }
      const current = stateOf(existing);
      if (settled(current)) return current;
      if (target === 'canceled') {
        return stateOf(
          await client.cancelOrder({ order_id: existing.id, reason: 'Cancelled in the store' }),
        );
      }
      // ShipHero's status is the warehouse's from here on; the rest `order_update` does not take.
      const {
        line_items: _lines,
        fulfillment_status: _status,
        shop_name: _shop,
        currency: _currency,
        email: _email,
        ...changes
      } = input;
      const updated = await client.updateOrder({ order_id: existing.id, ...changes });
      await client.updateHolds({ order_id: existing.id, ...holdsFor(order.status) });
      return stateOf(updated);
    },
    async findOrder(_order, _destination, { orderKey, externalId }) {
      const found = externalId
        ? await client.order(externalId)
        : await client.orderByPartnerId(orderKey);
      return found ? stateOf(found) : undefined;
    },
    async orderState(externalId) {
      const id = externalId.startsWith(LEGACY_ORDER_REF)
        ? await client.uuidOf(Number(externalId.slice(LEGACY_ORDER_REF.length)), 'Order')
        : externalId;
      const found = id ? await client.order(id) : undefined;
      return found ? stateOf(found) : undefined;
    },
    async matchProducts(skus) {
      const matches: ProductMatch[] = [];
      for (const sku of new Set(skus)) {
        const product = await client.product(sku);
        if (product) matches.push({ sku, productRef: product.id });
      }
      return matches;
    },
    intentFor(status) {
      const target = shipHeroStatusFor(status);
      if (!target) return 'skip';
      return target === 'canceled' ? 'cancel' : 'export';
    },
    statusOf: (rawStatus) => fulfilmentStatusOf(settings, rawStatus),
    async shipmentsIn(batchRef) {
      const id = batchRef.startsWith(LEGACY_SHIPMENT_REF)
        ? await client.uuidOf(Number(batchRef.slice(LEGACY_SHIPMENT_REF.length)), 'Shipment')
        : batchRef;
      const shipment = id ? await client.shipment(id) : undefined;
      return shipment ? packagesOf(shipment) : [];
    },
    async shipmentsSince(since) {
      return (await client.shipmentsSince(since)).flatMap(packagesOf);
    },
    syncProducts: shipHeroProductSync(client),
  };
}
