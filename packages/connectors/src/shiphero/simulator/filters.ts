/** The filter arguments of the list queries, applied to an account's records. */
import type { RequestContext } from './context';
import { parseIsoDateTime } from './dates';
import { invalidInput } from './errors';
import { checkCustomerAccount } from './orders';
import type { Holds, OrderRecord, ShipmentRecord, StockRecord } from './records';

type Args = Record<string, unknown>;
type Test<T> = (record: T) => boolean;

function dateArg(args: Args, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
  if (ms === undefined)
    throw invalidInput(`${name}: ${JSON.stringify(value)} is not an ISODateTime`);
  return ms;
}

/** Collects a test per argument given; an argument left out (or null) does not filter. */
function filter<T>(args: Args) {
  const tests: Test<T>[] = [];
  const builder = {
    when<V>(name: string, test: (value: V) => Test<T>) {
      const value = args[name];
      if (value !== undefined && value !== null) tests.push(test(value as V));
      return builder;
    },
    /** Both bounds inclusive. */
    between(from: string, to: string, at: (record: T) => number) {
      const start = dateArg(args, from);
      const end = dateArg(args, to);
      if (start !== undefined) tests.push((record) => at(record) >= start);
      if (end !== undefined) tests.push((record) => at(record) <= end);
      return builder;
    },
    apply(records: Iterable<T>): T[] {
      return [...records].filter((record) => tests.every((test) => test(record)));
    },
  };
  return builder;
}

const HOLD_ARGS: (keyof Holds)[] = ['operator_hold', 'address_hold', 'payment_hold', 'fraud_hold'];

export function filterOrders(ctx: RequestContext, args: Args): OrderRecord[] {
  checkCustomerAccount(ctx.data, args.customer_account_id);
  const backordered = (order: OrderRecord) =>
    order.line_items.some(
      (item) => item.quantity_pending_fulfillment > ctx.allocations.lineItem(item),
    );
  const onHold = (order: OrderRecord) => Object.values(order.holds).some(Boolean);
  const orders = filter<OrderRecord>(args)
    .when('shop_name', (v: string) => (o) => o.shop_name === v)
    .when('partner_order_id', (v: string) => (o) => o.partner_order_id === v)
    .when('order_number', (v: string) => (o) => o.order_number === v)
    .when('warehouse_id', (v: string) => (o) => o.warehouse_id === v)
    .when('allocated_warehouse_id', (v: string) => (o) => o.warehouse_id === v)
    .when('fulfillment_status', (v: string) => (o) => o.fulfillment_status === v)
    .when('sku', (v: string) => (o) => o.line_items.some((item) => item.sku === v))
    .when('email', (v: string) => (o) => o.fields.email === v)
    .between('updated_from', 'updated_to', (o) => o.updated_at)
    .between('order_date_from', 'order_date_to', (o) => o.order_date)
    .when('has_hold', (v: boolean) => (o) => onHold(o) === v)
    .when('ready_to_ship', (v: boolean) => (o) => (o.fields.ready_to_ship ?? false) === v)
    .when('profile', (v: string) => (o) => o.fields.profile === v)
    .when('tag', (v: string) => (o) => o.tags.includes(v))
    .when('has_backorder', (v: boolean) => (o) => backordered(o) === v);
  for (const hold of HOLD_ARGS) orders.when(hold, (v: boolean) => (o) => o.holds[hold] === v);
  return orders.apply(ctx.data.orders.values());
}

export function filterShipments(ctx: RequestContext, args: Args): ShipmentRecord[] {
  const orderDate = (s: ShipmentRecord) => ctx.data.orders.get(s.order_id)?.order_date ?? 0;
  return (
    filter<ShipmentRecord>(args)
      .when('order_id', (v: string) => (s) => s.order_id === v)
      .between('date_from', 'date_to', (s) => s.created_date)
      .between('order_date_from', 'order_date_to', orderDate)
      .when('tracking_number', (v: string) => (s) => s.labels.some((l) => l.tracking_number === v))
      // The simulator issues neither alternate tracking ids nor voided labels.
      .when('alternate_tracking_id', () => () => false)
      .when('voided', (v: boolean) => () => !v)
      .apply(ctx.data.shipments.values())
  );
}

export function filterStock(ctx: RequestContext, args: Args): StockRecord[] {
  checkCustomerAccount(ctx.data, args.customer_account_id);
  return (
    filter<StockRecord>(args)
      .when('warehouse_id', (v: string) => (r) => r.warehouse_id === v)
      .when('sku', (v: string) => (r) => r.sku === v)
      // Every simulated warehouse product is active.
      .when('active', (v: boolean) => () => v)
      .between('created_from', 'created_to', (r) => r.created_at)
      .between('updated_from', 'updated_to', (r) => r.updated_at)
      .apply(ctx.data.stock.values())
  );
}
