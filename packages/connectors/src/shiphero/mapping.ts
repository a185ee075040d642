import {
  destinationIndex,
  destinationMoney,
  destinationOrderNumber,
  linesFor,
  type Address,
  type CanonicalOrder,
  type Destination,
  type OrderStatus,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { ShipHeroAddressInput, ShipHeroCreateOrderInput } from './inputs';
import { SHIPHERO_PROVIDER } from './profile';

/**
 * The ShipHero `fulfillment_status` a canonical status asks for; undefined where the hub leaves
 * the order to the warehouse (never placed, or goods already moving). ShipHero owns address
 * validation and split or merge decisions; the hub only places, updates and cancels.
 */
const STATUS_FOR = {
  incomplete: undefined,
  awaiting_payment: 'pending',
  awaiting_fulfilment: 'pending',
  on_hold: 'pending',
  partially_shipped: undefined,
  shipped: undefined,
  completed: undefined,
  cancelled: 'canceled',
  refunded: 'canceled',
  archived: 'canceled',
} as const satisfies Record<OrderStatus, string | undefined>;

export function shipHeroStatusFor(status: OrderStatus): string | undefined {
  return STATUS_FOR[status];
}

/** Holds the store's status asks for: unpaid orders wait on a payment hold, held ones on the operator. */
export function holdsFor(status: OrderStatus): { payment_hold: boolean; operator_hold: boolean } {
  return { payment_hold: status === 'awaiting_payment', operator_hold: status === 'on_hold' };
}

function splitName(name: string): { first_name: string; last_name: string } {
  const trimmed = name.trim();
  const space = trimmed.lastIndexOf(' ');
  return space < 0
    ? { first_name: trimmed, last_name: '' }
    : { first_name: trimmed.slice(0, space), last_name: trimmed.slice(space + 1) };
}

export function toShipHeroAddress(address: Address): ShipHeroAddressInput {
  return {
    ...splitName(address.name),
    ...(address.company ? { company: address.company } : {}),
    address1: address.street1,
    ...(address.street2 ? { address2: address.street2 } : {}),
    city: address.city,
    ...(address.state ? { state: address.state } : {}),
    ...(address.postalCode ? { zip: address.postalCode } : {}),
    ...(address.country ? { country: address.country, country_code: address.country } : {}),
    ...(address.email ? { email: address.email } : {}),
    ...(address.phone ? { phone: address.phone } : {}),
  };
}

export interface ToShipHeroContext {
  /** The stable upsert key; it is ShipHero's `partner_order_id`, looked up before creating. */
  orderKey: string;
  shopName: string;
}

/** One destination of a store order as ShipHero's `order_create` input. */
export function toShipHeroOrder(
  order: CanonicalOrder,
  destination: Destination,
  context: ToShipHeroContext,
): ShipHeroCreateOrderInput {
  const index = destinationIndex(order, destination);
  if (index < 0) {
    throw new PermanentError('destination does not belong to the order', {
      provider: SHIPHERO_PROVIDER,
      reason: 'mapping.unknown_destination',
    });
  }
  const lines = linesFor(order, destination.addressExternalId);
  // Each destination is its own ShipHero order, carrying its share of what the customer paid.
  const money = destinationMoney(order, destination);
  const notes = [
    ...(order.notes.customer ? [{ name: 'Customer message', value: order.notes.customer }] : []),
    ...(order.notes.staff ? [{ name: 'Staff notes', value: order.notes.staff }] : []),
  ];
  const giftNotes = lines.flatMap((line) => (line.giftMessage ? [line.giftMessage] : []));
  return {
    order_number: destinationOrderNumber(order, index),
    partner_order_id: context.orderKey,
    shop_name: context.shopName,
    fulfillment_status: shipHeroStatusFor(order.status) ?? 'pending',
    order_date: order.createdAt,
    currency: order.currency,
    subtotal: order.destinations.length === 1 ? order.totals.subtotal : money.goods.toFixed(2),
    total_tax: money.tax.toFixed(2),
    total_discounts: money.discount.toFixed(2),
    total_price: money.total.toFixed(2),
    shipping_lines: {
      title: destination.shippingMethod ?? 'Standard',
      price: destination.shippingCost,
      ...(destination.shippingMethod ? { method: destination.shippingMethod } : {}),
    },
    shipping_address: toShipHeroAddress(destination.shipTo),
    billing_address: toShipHeroAddress(order.billTo),
    ...(order.customer.email ? { email: order.customer.email } : {}),
    ...(notes.length ? { note_attributes: notes } : {}),
    ...(order.notes.customer ? { packing_note: order.notes.customer } : {}),
    ...(giftNotes.length ? { gift_note: giftNotes.join('\n') } : {}),
    tags: [`store:${context.shopName}`],
    line_items: lines.map((line) => ({
      sku: line.sku,
      partner_line_item_id: line.externalId,
      quantity: line.quantity,
      price: line.unitPrice,
      product_name: line.name,
      ...(line.options.length
        ? { option_title: line.options.map((o) => `${o.name}: ${o.value}`).join(', ') }
        : {}),
    })),
  };
}
