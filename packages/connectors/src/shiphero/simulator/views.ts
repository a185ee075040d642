/**
 * Records rendered as ShipHero's GraphQL objects. Scalars are plain properties; relations and
 * connections are functions, which graphql-js's default resolver calls with the field's
 * arguments, so nothing is computed unless selected.
 */
import type { RequestContext } from './context';
import { isoDateTime } from './dates';
import { connection, type ConnectionArgs } from './pagination';
import type {
  LineItemRecord,
  OrderRecord,
  ProductRecord,
  ShipmentRecord,
  ShippingLabelRecord,
  StockRecord,
  WarehouseRecord,
  WebhookRecord,
} from './records';

type View = Record<string, unknown>;

export function accountView(ctx: RequestContext): View {
  const { account, warehouses } = ctx.data;
  return {
    id: account.id,
    legacy_id: account.legacy_id,
    email: account.email,
    username: account.username,
    status: 'active',
    is_multi_warehouse: warehouses.length > 1,
    is_3pl: false,
    warehouses: () => warehouses.map(warehouseView),
  };
}

export const warehouseView = (warehouse: WarehouseRecord): View => ({ ...warehouse });

export function lineItemView(ctx: RequestContext, item: LineItemRecord): View {
  const allocated = ctx.allocations.lineItem(item);
  return {
    ...item.fields,
    id: item.id,
    legacy_id: item.legacy_id,
    order_id: item.order_id,
    sku: item.sku,
    partner_line_item_id: item.partner_line_item_id,
    quantity: item.quantity,
    quantity_pending_fulfillment: item.quantity_pending_fulfillment,
    quantity_shipped: item.quantity_shipped,
    quantity_allocated: allocated,
    backorder_quantity: item.quantity_pending_fulfillment - allocated,
    fulfillment_status: item.fulfillment_status,
    created_at: isoDateTime(item.created_at),
    updated_at: isoDateTime(item.updated_at),
  };
}

export function orderView(ctx: RequestContext, order: OrderRecord): View {
  return {
    ...order.fields,
    id: order.id,
    legacy_id: order.legacy_id,
    account_id: order.account_id,
    order_number: order.order_number,
    partner_order_id: order.partner_order_id,
    shop_name: order.shop_name,
    fulfillment_status: order.fulfillment_status,
    order_date: isoDateTime(order.order_date),
    required_ship_date: isoDateTime(order.required_ship_date),
    updated_at: isoDateTime(order.updated_at),
    tags: order.tags,
    holds: { ...order.holds },
    line_items: (args: ConnectionArgs) =>
      connection(
        order.line_items.map((item) => lineItemView(ctx, item)),
        args,
      ),
    shipments: () =>
      [...ctx.data.shipments.values()]
        .filter((shipment) => shipment.order_id === order.id)
        .map((shipment) => shipmentView(ctx, shipment)),
  };
}

function labelView(
  ctx: RequestContext,
  shipment: ShipmentRecord,
  label: ShippingLabelRecord,
): View {
  const order = ctx.data.orders.get(shipment.order_id);
  const warehouse = ctx.data.warehouse(shipment.warehouse_id);
  return {
    ...label,
    account_id: shipment.account_id,
    shipment_id: shipment.id,
    order_id: shipment.order_id,
    order_number: order?.order_number ?? null,
    status: 'valid',
    warehouse: warehouse?.identifier ?? null,
    warehouse_id: shipment.warehouse_id,
    created_date: isoDateTime(label.created_date),
  };
}

export function shipmentView(ctx: RequestContext, shipment: ShipmentRecord): View {
  const order = ctx.data.orders.get(shipment.order_id);
  const warehouse = ctx.data.warehouse(shipment.warehouse_id);
  return {
    id: shipment.id,
    legacy_id: shipment.legacy_id,
    order_id: shipment.order_id,
    warehouse_id: shipment.warehouse_id,
    shipped_off_shiphero: shipment.shipped_off_shiphero,
    completed: true,
    created_date: isoDateTime(shipment.created_date),
    total_packages: shipment.labels.length,
    line_items: (args: ConnectionArgs) =>
      connection(
        shipment.line_items.map((shipped) => {
          const item = order?.line_items.find((candidate) => candidate.id === shipped.line_item_id);
          return {
            ...shipped,
            shipment_id: shipment.id,
            line_item: () => (item ? lineItemView(ctx, item) : null),
          };
        }),
        args,
      ),
    shipping_labels: () => shipment.labels.map((label) => labelView(ctx, shipment, label)),
    warehouse: () => (warehouse ? warehouseView(warehouse) : null),
    order: () => (order ? orderView(ctx, order) : null),
  };
}

export function stockView(ctx: RequestContext, row: StockRecord): View {
  const allocation = ctx.allocations.of(row.warehouse_id, row.sku);
  const product = ctx.data.products.get(row.sku);
  return {
    id: row.id,
    legacy_id: row.legacy_id,
    account_id: row.account_id,
    sku: row.sku,
    warehouse_id: row.warehouse_id,
    warehouse_identifier: ctx.data.warehouse(row.warehouse_id)?.identifier ?? null,
    on_hand: row.on_hand,
    allocated: allocation.allocated,
    available: allocation.available,
    backorder: allocation.backorder,
    created_at: isoDateTime(row.created_at),
    updated_at: isoDateTime(row.updated_at),
    product: () => (product ? productView(ctx, product) : null),
  };
}

export function productView(ctx: RequestContext, product: ProductRecord): View {
  const { fields, ...record } = product;
  return {
    ...fields,
    ...record,
    dimensions: { ...product.dimensions },
    created_at: isoDateTime(product.created_at),
    updated_at: isoDateTime(product.updated_at),
    warehouse_products: () => ctx.data.stockOf(product.sku).map((row) => stockView(ctx, row)),
  };
}

/** The secret is answered by `webhook_create` only: ShipHero never shows it again. */
export function webhookView(hook: WebhookRecord, revealSecret: boolean): View {
  return {
    id: hook.id,
    legacy_id: hook.legacy_id,
    account_id: hook.account_id,
    shop_name: hook.shop_name,
    name: hook.name,
    url: hook.url,
    source: 'api',
    shared_signature_secret: revealSecret ? hook.shared_signature_secret : null,
  };
}
