import { randomInt } from 'node:crypto';
import { invalidInput } from './errors';
import { CANCELED_STATUS, FULFILLED_STATUS } from './orders';
import type { LineItemRecord, OrderRecord, ShipmentRecord, StockRecord } from './records';
import type { AccountData, ShipHeroSimState } from './state';
import { removeShipped, warehouseOf } from './stock';

export interface PackageLine {
  partnerLineItemId?: string;
  sku?: string;
  /** Default: every unit of the line still pending. */
  quantity?: number;
}

export interface PackageRequest {
  carrier?: string;
  method?: string;
  trackingNumber?: string;
  trackingUrl?: string | null;
  cost?: string;
  /** Default (one package only): everything pending. */
  lineItems?: PackageLine[];
}

export interface ShipRequest {
  warehouseId?: string;
  /** Default: one package with everything pending. */
  packages?: PackageRequest[];
  /** ShipHero takes shipped units off the shelf; `false` leaves on-hand counts alone. */
  removeInventory?: boolean;
  shippedOffShipHero?: boolean;
}

/** A USPS-looking number: the carriers' formats only matter to the tracking provider. */
const freshTrackingNumber = (): string =>
  `94001${Array.from({ length: 17 }, () => randomInt(10)).join('')}`;

function shippingLine(order: OrderRecord): { carrier?: string; method?: string } {
  const line = order.fields.shipping_lines;
  if (typeof line !== 'object' || line === null) return {};
  const { carrier, method } = line as Record<string, unknown>;
  return {
    ...(typeof carrier === 'string' && carrier ? { carrier } : {}),
    ...(typeof method === 'string' && method ? { method } : {}),
  };
}

/** Splits the request into line items and quantities, refusing anything beyond what is pending. */
function plan(order: OrderRecord, packages: PackageRequest[]) {
  const pending = new Map(
    order.line_items.map((item) => [item.id, item.quantity_pending_fulfillment]),
  );
  const find = (line: PackageLine): LineItemRecord => {
    const candidates = order.line_items.filter((item) =>
      line.partnerLineItemId !== undefined
        ? item.partner_line_item_id === line.partnerLineItemId
        : item.sku === line.sku,
    );
    const item = candidates.find((c) => (pending.get(c.id) ?? 0) > 0) ?? candidates[0];
    if (!item)
      throw invalidInput(`The order has no line item ${line.partnerLineItemId ?? line.sku}`);
    return item;
  };
  return packages.map((pkg) => {
    if (!pkg.lineItems && packages.length > 1) {
      throw invalidInput('Each package needs its line items when there are several');
    }
    const lines: PackageLine[] =
      pkg.lineItems ??
      order.line_items
        .filter((item) => (pending.get(item.id) ?? 0) > 0)
        .map((item) => ({ partnerLineItemId: item.partner_line_item_id }));
    const items = lines.map((line) => {
      const item = find(line);
      const left = pending.get(item.id) ?? 0;
      const quantity = line.quantity ?? left;
      if (quantity <= 0 || quantity > left) {
        throw invalidInput(`${item.partner_line_item_id}: ${quantity} asked, ${left} pending`);
      }
      pending.set(item.id, left - quantity);
      return { item, quantity };
    });
    if (items.length === 0) throw invalidInput('Nothing is left to ship on this order');
    return { pkg, items };
  });
}

/**
 * Fulfils an order the way ShipHero's shipping app does: one shipment, one label per package,
 * line items counted as shipped, the order fulfilled once nothing is pending, the units taken off
 * the warehouse's shelf.
 */
export function shipOrder(
  state: ShipHeroSimState,
  data: AccountData,
  order: OrderRecord,
  request: ShipRequest,
): { shipment: ShipmentRecord; stock: StockRecord[] } {
  if (order.fulfillment_status === CANCELED_STATUS) {
    throw invalidInput('A canceled order cannot be shipped');
  }
  const warehouse = warehouseOf(data, request.warehouseId ?? order.warehouse_id);
  const packages = plan(order, request.packages?.length ? request.packages : [{}]);
  const now = state.now();
  const defaults = shippingLine(order);
  const shipment: ShipmentRecord = {
    ...state.issue(data, 'Shipment'),
    account_id: data.account.id,
    order_id: order.id,
    warehouse_id: warehouse.id,
    shipped_off_shiphero: request.shippedOffShipHero ?? false,
    created_date: now,
    labels: [],
    line_items: [],
  };
  const shippedSkus = new Map<string, number>();
  packages.forEach(({ pkg, items }, index) => {
    const carrier = pkg.carrier ?? defaults.carrier ?? 'USPS';
    const method = pkg.method ?? defaults.method ?? 'Ground Advantage';
    const label = {
      ...state.issue(data, 'ShippingLabel'),
      package_number: index + 1,
      carrier,
      shipping_method: method,
      shipping_name: `${carrier} ${method}`,
      tracking_number: pkg.trackingNumber ?? freshTrackingNumber(),
      tracking_url: pkg.trackingUrl ?? null,
      cost: pkg.cost ?? '0.00',
      created_date: now,
    };
    shipment.labels.push(label);
    for (const { item, quantity } of items) {
      shipment.line_items.push({
        ...state.issue(data, 'ShippedLineItem'),
        line_item_id: item.id,
        shipping_label_id: label.id,
        quantity,
      });
      item.quantity_shipped += quantity;
      item.quantity_pending_fulfillment -= quantity;
      if (item.quantity_pending_fulfillment === 0) item.fulfillment_status = FULFILLED_STATUS;
      item.updated_at = now;
      shippedSkus.set(item.sku, (shippedSkus.get(item.sku) ?? 0) + quantity);
    }
  });
  if (order.line_items.every((item) => item.quantity_pending_fulfillment === 0)) {
    order.fulfillment_status = FULFILLED_STATUS;
  }
  order.updated_at = now;
  data.shipments.set(shipment.id, shipment);
  const stock =
    request.removeInventory === false ? [] : removeShipped(state, data, warehouse, shippedSkus);
  return { shipment, stock };
}
