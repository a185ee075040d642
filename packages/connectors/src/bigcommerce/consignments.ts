import type {
  BigCommerceConsignments,
  BigCommerceOrder,
  BigCommerceOrderProduct,
  BigCommerceResourceLink,
  BigCommerceShippingAddress,
} from './schemas';

/*
 * `GET /v2/orders/{id}?include=consignments.line_items&consignment_structure=object` embeds the
 * shipping addresses (as shipping consignments) and whole order products in the order. Plain
 * `include=consignments` links the products instead; older structures are arrays.
 */

function isProduct(
  item: BigCommerceOrderProduct | BigCommerceResourceLink,
): item is BigCommerceOrderProduct {
  return typeof item.id === 'number' && typeof item.order_address_id === 'number';
}

function isConsignments(value: BigCommerceOrder['consignments']): value is BigCommerceConsignments {
  return typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.shipping);
}

/**
 * Shipping addresses and products from `consignments` (object structure): `undefined` when the
 * order has none, `products: undefined` when the line items are links rather than products.
 */
export function fromConsignments(
  order: BigCommerceOrder,
):
  | { addresses: BigCommerceShippingAddress[]; products: BigCommerceOrderProduct[] | undefined }
  | undefined {
  if (!isConsignments(order.consignments)) return undefined;
  const { shipping, pickups, downloads, email } = order.consignments;
  type LineItem = BigCommerceOrderProduct | BigCommerceResourceLink;
  const items = [...shipping, ...pickups, ...downloads, ...email.gift_certificates].flatMap(
    (group): LineItem[] => group.line_items,
  );
  const products = items.every(isProduct) ? items.filter(isProduct) : undefined;
  const addresses = shipping.map(({ line_items: lineItems, ...address }) => {
    // A shipping consignment's id is the order_address_id; its products say so too, and win.
    const ids = new Set(
      (lineItems as LineItem[])
        .filter(isProduct)
        .flatMap((item) => (item.order_address_id > 0 ? [item.order_address_id] : [])),
    );
    const [only] = ids;
    return { ...address, id: ids.size === 1 && only !== undefined ? only : address.id };
  });
  return { addresses, products };
}
