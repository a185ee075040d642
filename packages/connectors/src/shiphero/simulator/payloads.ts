/**
 * Webhook bodies, shaped after ShipHero's documented examples: numeric ids are legacy ids next to
 * their uuids, Inventory Update quantities are strings.
 */
import { allocate } from './allocation';
import { isoDateTime } from './dates';
import type { OrderRecord, ReturnRecord, ShipmentRecord, WarehouseRecord } from './records';
import type { AccountData } from './state';

export type ShipHeroWebhookType =
  'Inventory Update' | 'Shipment Update' | 'Order Canceled' | 'Return Update';

/** Every type ShipHero lets `webhook_create` register; the simulator fires those above. */
export const SHIPHERO_WEBHOOK_NAMES = [
  'Inventory Update',
  'Inventory Change',
  'Shipment Update',
  'Automation Rules',
  'Order Canceled',
  'Capture Payment',
  'PO Update',
  'Return Update',
  'Tote Complete',
  'Tote Cleared',
  'Order Packed Out',
  'Package Added',
  'Print Barcode',
  'Order Allocated',
  'Order Deallocated',
  'Shipment ASN',
  'Generate Label',
  'Product Update',
] as const;

export function shipmentUpdatePayload(
  data: AccountData,
  order: OrderRecord,
  shipment: ShipmentRecord,
) {
  const warehouse = data.warehouse(shipment.warehouse_id);
  const lineItemsOf = (labelId: string, packageName: string) =>
    shipment.line_items
      .filter((shipped) => shipped.shipping_label_id === labelId)
      .map((shipped) => {
        const item = order.line_items.find((candidate) => candidate.id === shipped.line_item_id);
        return {
          id: item?.partner_line_item_id ?? null,
          shiphero_id: item?.legacy_id ?? null,
          quantity: shipped.quantity,
          sku: item?.sku ?? null,
          serial_numbers: [],
          customs_description: '',
          package: packageName,
          lot_id: null,
          lot_name: null,
          lot_expiration: null,
        };
      });
  const packages = shipment.labels.map((label) => {
    const name = `Package #${label.package_number}`;
    return {
      name,
      package_number: label.package_number,
      shipping_label_id: label.legacy_id,
      carrier: label.carrier,
      method: label.shipping_method,
      shipping_name: label.shipping_name,
      tracking_number: label.tracking_number,
      tracking_url: label.tracking_url ?? '',
      cost: label.cost,
      line_items: lineItemsOf(label.id, name),
    };
  });
  const first = shipment.labels[0];
  return {
    test: '0',
    webhook_type: 'Shipment Update',
    fulfillment: {
      shipment_id: shipment.legacy_id,
      shipment_uuid: shipment.id,
      warehouse: warehouse?.identifier ?? null,
      warehouse_id: warehouse?.legacy_id ?? null,
      warehouse_uuid: warehouse?.id ?? null,
      webhook_type: 'Shipment Update',
      order_id: order.legacy_id,
      order_uuid: order.id,
      partner_order_id: order.partner_order_id,
      order_number: order.order_number,
      shop_name: order.shop_name,
      tracking_number: first?.tracking_number ?? null,
      line_items: packages.flatMap((pkg) => pkg.line_items),
      custom_tracking_url: first?.tracking_url ?? '',
      package_number: 1,
      total_packages: shipment.labels.length,
      shipping_method: first?.shipping_method ?? null,
      shipping_carrier: first?.carrier ?? null,
      created_at: isoDateTime(shipment.created_date),
      packages,
    },
  };
}

/**
 * One SKU's counts after a movement in `warehouse`: account-wide totals at the top, the
 * warehouse's own below. `onHandHere` replaces the warehouse's count for a stale observation.
 */
function inventoryEntry(
  data: AccountData,
  sku: string,
  warehouse: WarehouseRecord,
  onHandHere?: number,
) {
  const rows = data.warehouses.map((candidate) => {
    const allocation = allocate(data, candidate.id, sku);
    if (candidate.id !== warehouse.id || onHandHere === undefined) return allocation;
    const demand = allocation.allocated + allocation.backorder;
    const allocated = Math.min(demand, onHandHere);
    const backorder = demand - allocated;
    return {
      ...allocation,
      onHand: onHandHere,
      allocated,
      backorder,
      available: onHandHere - allocated,
    };
  });
  const here = rows[data.warehouses.indexOf(warehouse)];
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    String(rows.reduce((total, row) => total + pick(row), 0));
  return {
    sku,
    inventory: sum((row) => row.available),
    backorder_quantity: sum((row) => row.backorder),
    on_hand: sum((row) => row.onHand),
    virtual: false,
    updated_warehouse: {
      warehouse_id: warehouse.legacy_id,
      warehouse_uuid: warehouse.id,
      identifier: warehouse.identifier,
      inventory: String(here?.available ?? 0),
      on_hand: String(here?.onHand ?? 0),
      backorder_quantity: String(here?.backorder ?? 0),
    },
  };
}

export function inventoryUpdatePayload(
  data: AccountData,
  warehouse: WarehouseRecord,
  changes: { sku: string; onHand?: number }[],
) {
  return {
    account_id: data.account.legacy_id,
    account_uuid: data.account.id,
    webhook_type: 'Inventory Update',
    inventory: changes.map((change) => inventoryEntry(data, change.sku, warehouse, change.onHand)),
  };
}

export function orderCanceledPayload(data: AccountData, order: OrderRecord) {
  return {
    test: '0',
    webhook_type: 'Order Canceled',
    account_id: data.account.legacy_id,
    account_uuid: data.account.id,
    order_id: order.legacy_id,
    order_uuid: order.id,
    order_number: order.order_number,
    partner_order_id: order.partner_order_id,
    shop_name: order.shop_name,
    fulfillment_status: order.fulfillment_status,
    canceled_at: isoDateTime(order.updated_at),
  };
}

export function returnUpdatePayload(data: AccountData, order: OrderRecord, record: ReturnRecord) {
  return {
    test: '0',
    webhook_type: 'Return Update',
    account_id: data.account.legacy_id,
    account_uuid: data.account.id,
    return: {
      id: record.legacy_id,
      uuid: record.id,
      order_id: order.legacy_id,
      order_uuid: order.id,
      order_number: order.order_number,
      partner_order_id: order.partner_order_id,
      status: record.status,
      reason: record.reason,
      created_at: isoDateTime(record.created_at),
      line_items: record.line_items.map((item) => ({
        id: item.legacy_id,
        line_item_id: item.line_item.legacy_id,
        partner_line_item_id: item.line_item.partner_line_item_id,
        sku: item.line_item.sku,
        quantity: item.quantity,
        condition: item.condition,
      })),
    },
  };
}
