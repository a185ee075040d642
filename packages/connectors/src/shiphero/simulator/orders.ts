import { parseIsoDateTime } from './dates';
import { invalidInput, notFound } from './errors';
import type { Holds, LineItemRecord, OrderRecord } from './records';
import type { AccountData, ShipHeroSimState } from './state';

type Input = Record<string, unknown>;

/** ShipHero's value for orders created without a store, and for their webhooks. */
export const DEFAULT_SHOP_NAME = 'api';
/** `order_cancel` leaves this status (ShipHero's "Order Canceled" spelling). */
export const CANCELED_STATUS = 'canceled';
export const FULFILLED_STATUS = 'fulfilled';
const PENDING_STATUS = 'pending';

const NO_HOLDS: Holds = {
  fraud_hold: false,
  address_hold: false,
  shipping_method_hold: false,
  operator_hold: false,
  payment_hold: false,
  client_hold: false,
};
const SETTABLE_HOLDS = [
  'payment_hold',
  'operator_hold',
  'fraud_hold',
  'address_hold',
  'client_hold',
] as const;

/** The input fields a record does not keep apart, to answer as given. */
function without(input: Input, consumed: string[]): Input {
  const rest = { ...input };
  for (const key of consumed) delete rest[key];
  return rest;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function date(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  const ms = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
  if (ms === undefined)
    throw invalidInput(`${field}: ${JSON.stringify(value)} is not an ISODateTime`);
  return ms;
}

function holdsFrom(input: unknown): Partial<Holds> {
  const holds: Partial<Holds> = {};
  if (typeof input !== 'object' || input === null) return holds;
  for (const key of SETTABLE_HOLDS) {
    const value = (input as Input)[key];
    if (typeof value === 'boolean') holds[key] = value;
  }
  return holds;
}

function warehouseFor(data: AccountData, id: unknown): string {
  if (typeof id === 'string') {
    if (!data.warehouse(id)) throw notFound('Warehouse');
    return id;
  }
  const first = data.warehouses[0];
  if (!first) throw invalidInput('The account has no warehouse');
  return first.id;
}

function lineItem(
  state: ShipHeroSimState,
  data: AccountData,
  orderId: string,
  input: Input,
): LineItemRecord {
  const { sku, partner_line_item_id, quantity, quantity_pending_fulfillment, fulfillment_status } =
    input;
  const ordered = Number(quantity);
  if (!Number.isInteger(ordered) || ordered < 0) {
    throw invalidInput(`line_items: quantity must be at least 0, not ${String(quantity)}`);
  }
  const now = state.now();
  return {
    ...state.issue(data, 'LineItem'),
    order_id: orderId,
    sku: String(sku),
    partner_line_item_id: String(partner_line_item_id),
    quantity: ordered,
    quantity_pending_fulfillment:
      typeof quantity_pending_fulfillment === 'number' ? quantity_pending_fulfillment : ordered,
    quantity_shipped: 0,
    fulfillment_status: text(fulfillment_status) ?? PENDING_STATUS,
    warehouse_id: warehouseFor(data, input.warehouse_id),
    fields: without(input, [
      'sku',
      'partner_line_item_id',
      'quantity',
      'quantity_pending_fulfillment',
      'fulfillment_status',
      'warehouse_id',
    ]),
    created_at: now,
    updated_at: now,
  };
}

/** `customer_account_id` only means something for 3PL accounts, which are not simulated. */
export function checkCustomerAccount(data: AccountData, value: unknown): void {
  if (value === undefined || value === null || value === data.account.id) return;
  throw invalidInput('customer_account_id can only be used by a 3PL account');
}

export function createOrder(state: ShipHeroSimState, data: AccountData, input: Input): OrderRecord {
  const { customer_account_id, line_items, holds, tags, order_date, required_ship_date } = input;
  const { fulfillment_status, shop_name, order_number, partner_order_id } = input;
  checkCustomerAccount(data, customer_account_id);
  date(input.hold_until_date, 'hold_until_date');
  const ids = state.issue(data, 'Order');
  const items = (Array.isArray(line_items) ? line_items : []).map((item) =>
    lineItem(state, data, ids.id, item as Input),
  );
  const partnerIds = items.map((item) => item.partner_line_item_id);
  if (new Set(partnerIds).size !== partnerIds.length) {
    throw invalidInput('line_items: partner_line_item_id must be unique within the order');
  }
  const now = state.now();
  const fields = without(input, [
    ...['customer_account_id', 'line_items', 'holds', 'tags', 'order_date', 'required_ship_date'],
    ...['fulfillment_status', 'shop_name', 'order_number', 'partner_order_id'],
  ]);
  const order: OrderRecord = {
    ...ids,
    account_id: data.account.id,
    warehouse_id: items[0]?.warehouse_id ?? warehouseFor(data, undefined),
    shop_name: text(shop_name) ?? DEFAULT_SHOP_NAME,
    order_number: text(order_number) ?? String(ids.legacy_id),
    partner_order_id: text(partner_order_id),
    fulfillment_status: text(fulfillment_status) ?? PENDING_STATUS,
    order_date: date(order_date, 'order_date') ?? now,
    required_ship_date: date(required_ship_date, 'required_ship_date'),
    tags: Array.isArray(tags) ? tags.filter((tag) => typeof tag === 'string') : [],
    holds: { ...NO_HOLDS, ...holdsFrom(holds) },
    line_items: items,
    fields,
    history: [],
    created_at: now,
    updated_at: now,
  };
  data.orders.set(order.id, order);
  return order;
}

export function findOrder(state: ShipHeroSimState, data: AccountData, id: unknown): OrderRecord {
  const order = typeof id === 'string' && state.owns(data, id) ? data.orders.get(id) : undefined;
  if (!order) throw notFound('Order');
  return order;
}

/** `order_update`: every field given replaces the stored one; line items are not touched. */
export function updateOrder(state: ShipHeroSimState, data: AccountData, input: Input): OrderRecord {
  const { order_id, customer_account_id, history_entry, ...changes } = input;
  checkCustomerAccount(data, customer_account_id);
  const order = findOrder(state, data, order_id);
  const now = state.now();
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (key === 'order_date') order.order_date = date(value, key) ?? order.order_date;
    else if (key === 'required_ship_date') order.required_ship_date = date(value, key);
    else if (key === 'fulfillment_status') order.fulfillment_status = text(value) ?? '';
    else if (key === 'order_number') order.order_number = text(value) ?? order.order_number;
    else if (key === 'partner_order_id') order.partner_order_id = text(value);
    else if (key === 'tags') order.tags = Array.isArray(value) ? value.map(String) : [];
    else {
      if (key === 'hold_until_date') date(value, key);
      order.fields[key] = value;
    }
  }
  if (typeof history_entry === 'object' && history_entry !== null) {
    const { source, message } = history_entry as Input;
    order.history.push({ source: text(source), message: text(message), at: now });
  }
  order.updated_at = now;
  return order;
}

/** `order_cancel`; `changed` is false when it was canceled already (no second webhook). */
export function cancelOrder(
  state: ShipHeroSimState,
  data: AccountData,
  input: Input,
): { order: OrderRecord; changed: boolean } {
  checkCustomerAccount(data, input.customer_account_id);
  const order = findOrder(state, data, input.order_id);
  if (order.fulfillment_status === CANCELED_STATUS) return { order, changed: false };
  if (order.fulfillment_status === FULFILLED_STATUS && input.force !== true) {
    throw invalidInput('The order is fulfilled and cannot be canceled');
  }
  const now = state.now();
  order.fulfillment_status = CANCELED_STATUS;
  for (const item of order.line_items) {
    item.quantity_pending_fulfillment = 0;
    if (item.quantity_shipped < item.quantity) item.fulfillment_status = CANCELED_STATUS;
    item.updated_at = now;
  }
  if (typeof input.reason === 'string') {
    order.history.push({ source: 'api', message: `Canceled: ${input.reason}`, at: now });
  }
  order.updated_at = now;
  return { order, changed: true };
}

export function updateHolds(state: ShipHeroSimState, data: AccountData, input: Input): OrderRecord {
  checkCustomerAccount(data, input.customer_account_id);
  const order = findOrder(state, data, input.order_id);
  order.holds = { ...order.holds, ...holdsFrom(input) };
  order.updated_at = state.now();
  return order;
}

/** Any string goes: accounts define their own statuses. */
export function updateFulfillmentStatus(
  state: ShipHeroSimState,
  data: AccountData,
  input: Input,
): OrderRecord {
  checkCustomerAccount(data, input.customer_account_id);
  const order = findOrder(state, data, input.order_id);
  order.fulfillment_status = String(input.fulfillment_status);
  order.updated_at = state.now();
  return order;
}
