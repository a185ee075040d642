import { BigCommerceStatusIds } from '../statuses';
import type { BigCommerceEvents } from './events';
import { checkShipmentFields, type ShipmentInput } from './shipment-rules';
import type { BigCommerceSimState, SimOrder, SimShipment, SimStore } from './state';

/**
 * State changes shared by the API and the control routes, with the side effects BigCommerce
 * has: `date_modified` moves, statuses follow shipments, and webhooks fire.
 */

export type { ShipmentInput } from './shipment-rules';

const optionalText = (value: unknown) => (value === undefined || value === null ? '' : value);

export class BigCommerceOperations {
  constructor(
    private readonly state: BigCommerceSimState,
    private readonly events: BigCommerceEvents,
  ) {}

  touch(order: SimOrder): void {
    order.modified = Math.max(order.modified, this.state.nowSec());
  }

  orderCreated(store: SimStore, order: SimOrder): void {
    store.orders.set(order.id, order);
    this.events.emit(store, 'store/order/created', { type: 'order', id: order.id });
  }

  /** Any change other than status: `store/order/updated`. */
  orderUpdated(store: SimStore, order: SimOrder): void {
    this.touch(order);
    this.events.emit(store, 'store/order/updated', { type: 'order', id: order.id });
  }

  setStatus(store: SimStore, order: SimOrder, statusId: number): void {
    const previous = order.status_id;
    if (previous === statusId) return;
    order.status_id = statusId;
    this.touch(order);
    this.events.emit(store, 'store/order/statusUpdated', {
      type: 'order',
      id: order.id,
      status: { previous_status_id: previous, new_status_id: statusId },
    });
    this.events.emit(store, 'store/order/updated', { type: 'order', id: order.id });
  }

  archive(store: SimStore, order: SimOrder): void {
    order.is_deleted = true;
    this.touch(order);
    this.events.emit(store, 'store/order/archived', { type: 'order', id: order.id });
  }

  /** Validates as BigCommerce does (400 with a v2 error array) and ships. */
  createShipment(
    store: SimStore,
    order: SimOrder,
    body: ShipmentInput,
  ): SimShipment | { errors: string[] } {
    const errors = checkShipmentFields(body);
    const address = order.addresses.find((candidate) => candidate.id === body.order_address_id);
    if (body.order_address_id === undefined)
      errors.push("The required field 'order_address_id' was not supplied.");
    else if (!address)
      errors.push(
        `The field 'order_address_id' is invalid: no shipping address ${String(body.order_address_id)} on order ${order.id}.`,
      );
    const wanted = new Map<number, number>();
    if (!Array.isArray(body.items) || body.items.length === 0) {
      errors.push("The required field 'items' was not supplied.");
    } else {
      for (const item of body.items as unknown[]) {
        const { order_product_id: productId, quantity } = (item ?? {}) as Record<string, unknown>;
        if (
          !Number.isInteger(productId) ||
          !Number.isInteger(quantity) ||
          (quantity as number) <= 0
        ) {
          errors.push(
            "Each item needs an integer 'order_product_id' and a positive integer 'quantity'.",
          );
          continue;
        }
        wanted.set(
          productId as number,
          (wanted.get(productId as number) ?? 0) + (quantity as number),
        );
      }
    }
    for (const [productId, quantity] of wanted) {
      const product = order.products.find((candidate) => candidate.id === productId);
      if (!product || (address && product.order_address_id !== address.id)) {
        errors.push(
          `Order product ${productId} does not ship to order address ${String(body.order_address_id)}.`,
        );
      } else if (quantity > product.quantity - product.quantity_shipped) {
        errors.push(
          `Cannot ship ${quantity} of order product ${productId}: only ${product.quantity - product.quantity_shipped} left to ship.`,
        );
      }
    }
    if (errors.length > 0 || !address) return { errors };

    const shipment: SimShipment = {
      id: this.state.nextId('shipment'),
      order_id: order.id,
      order_address_id: address.id,
      created: this.state.nowSec(),
      tracking_number: String(optionalText(body.tracking_number)),
      tracking_carrier: String(optionalText(body.tracking_carrier)),
      tracking_link: String(optionalText(body.tracking_link)),
      shipping_provider: String(optionalText(body.shipping_provider)),
      shipping_method: String(optionalText(body.shipping_method)),
      merchant_shipping_cost: Number(optionalText(body.merchant_shipping_cost) || 0).toFixed(4),
      comments: String(optionalText(body.comments)),
      items: [...wanted].map(([productId, quantity]) => ({
        order_product_id: productId,
        product_id: order.products.find((product) => product.id === productId)?.product_id ?? 0,
        quantity,
      })),
    };
    for (const [productId, quantity] of wanted) {
      const product = order.products.find((candidate) => candidate.id === productId);
      if (product) product.quantity_shipped += quantity;
    }
    store.shipments.set(order.id, [...(store.shipments.get(order.id) ?? []), shipment]);
    this.touch(order);
    this.events.emit(store, 'store/shipment/created', {
      type: 'shipment',
      id: shipment.id,
      orderId: order.id,
    });
    const physical = order.products.filter((product) => product.type === 'physical');
    const done = physical.every((product) => product.quantity_shipped >= product.quantity);
    if (done) order.shipped = this.state.nowSec();
    this.setStatus(
      store,
      order,
      done ? BigCommerceStatusIds.shipped : BigCommerceStatusIds.partiallyShipped,
    );
    return shipment;
  }

  updateShipment(
    store: SimStore,
    order: SimOrder,
    shipment: SimShipment,
    body: ShipmentInput,
  ): string[] {
    const errors = checkShipmentFields(body);
    if (
      body.order_address_id !== undefined &&
      body.order_address_id !== shipment.order_address_id
    ) {
      errors.push("The field 'order_address_id' cannot be changed on a shipment with items.");
    }
    if (errors.length > 0) return errors;
    const fields = [
      'tracking_number',
      'tracking_carrier',
      'tracking_link',
      'shipping_provider',
      'shipping_method',
      'comments',
    ] as const;
    for (const field of fields) {
      if (body[field] !== undefined) shipment[field] = String(optionalText(body[field]));
    }
    if (body.merchant_shipping_cost !== undefined) {
      shipment.merchant_shipping_cost = Number(
        optionalText(body.merchant_shipping_cost) || 0,
      ).toFixed(4);
    }
    this.touch(order);
    this.events.emit(store, 'store/shipment/updated', {
      type: 'shipment',
      id: shipment.id,
      orderId: order.id,
    });
    return [];
  }

  /** Quantities become shippable again; the order status stays where it is, as on BigCommerce. */
  deleteShipment(store: SimStore, order: SimOrder, shipment: SimShipment): void {
    for (const item of shipment.items) {
      const product = order.products.find((candidate) => candidate.id === item.order_product_id);
      if (product) product.quantity_shipped = Math.max(0, product.quantity_shipped - item.quantity);
    }
    const remaining = (store.shipments.get(order.id) ?? []).filter(
      (candidate) => candidate.id !== shipment.id,
    );
    store.shipments.set(order.id, remaining);
    this.touch(order);
    this.events.emit(store, 'store/shipment/deleted', {
      type: 'shipment',
      id: shipment.id,
      orderId: order.id,
    });
  }
}
