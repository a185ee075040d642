import { PRODUCT_DOCUMENTS } from './product-documents';

/**
 * Every GraphQL document the ShipHero client sends, each valid against ShipHero's public schema
 * (and against the simulator's subset of it, which `simulator/schema.test.ts` checks). Each operation
 * asks for `request_id` and `complexity`: the credit bucket is charged with the latter.
 *
 * Page sizes are chosen so that no operation's complexity can exceed the 4,004-credit bucket:
 * ShipHero charges per node returned, and a connection of `first: N` nodes with M nested nodes
 * each costs about N × (1 + M).
 */

/** Orders per page in the delta poll, and line items per order on that page. */
export const ORDER_PAGE_SIZE = 25;
export const LINE_ITEM_PAGE_SIZE = 50;
/** Warehouse products per page in the stock reconciliation. */
export const WAREHOUSE_PRODUCT_PAGE_SIZE = 100;
/** Shipments per page in the shipments delta poll. */
export const SHIPMENT_PAGE_SIZE = 20;

const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id
    legacy_id
    order_number
    partner_order_id
    shop_name
    fulfillment_status
    order_date
    updated_at
    tags
    holds {
      fraud_hold
      address_hold
      shipping_method_hold
      operator_hold
      payment_hold
      client_hold
    }
    line_items(first: ${LINE_ITEM_PAGE_SIZE}) {
      edges {
        node {
          id
          legacy_id
          sku
          partner_line_item_id
          quantity
          quantity_shipped
          quantity_pending_fulfillment
          fulfillment_status
        }
      }
    }
  }
`;

const SHIPMENT_FIELDS = /* GraphQL */ `
  fragment ShipmentFields on Shipment {
    id
    legacy_id
    order_id
    warehouse_id
    created_date
    shipped_off_shiphero
    total_packages
    line_items(first: ${LINE_ITEM_PAGE_SIZE}) {
      edges {
        node {
          id
          line_item_id
          shipping_label_id
          quantity
          line_item {
            sku
            partner_line_item_id
          }
        }
      }
    }
    shipping_labels {
      id
      legacy_id
      status
      tracking_number
      carrier
      shipping_name
      shipping_method
      cost
      tracking_url
      package_number
      created_date
    }
  }
`;

export const ACCOUNT_QUERY = /* GraphQL */ `
  query Account {
    account {
      request_id
      complexity
      data {
        id
        legacy_id
        email
        username
        is_3pl
        warehouses {
          id
          legacy_id
          identifier
        }
      }
    }
  }
`;

/**
 * The look-up before every create: only what deciding create-or-update needs, because ShipHero
 * charges for what is selected (line items would cost 50 credits per order found).
 */
export const ORDER_BY_PARTNER_ID_QUERY = /* GraphQL */ `
  query OrderByPartnerId($partnerOrderId: String!) {
    orders(partner_order_id: $partnerOrderId) {
      request_id
      complexity
      data(first: 2) {
        edges {
          node {
            id
            legacy_id
            order_number
            partner_order_id
            fulfillment_status
          }
        }
      }
    }
  }
`;

export const ORDER_QUERY = /* GraphQL */ `
  query Order($id: String!) {
    order(id: $id) {
      request_id
      complexity
      data {
        ...OrderFields
        shipments {
          ...ShipmentFields
        }
      }
    }
  }
  ${ORDER_FIELDS}
  ${SHIPMENT_FIELDS}
`;

export const SHIPMENTS_SINCE_QUERY = /* GraphQL */ `
  query ShipmentsSince($from: ISODateTime!, $after: String) {
    shipments(date_from: $from) {
      request_id
      complexity
      data(first: ${SHIPMENT_PAGE_SIZE}, after: $after, sort: "created_date") {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...ShipmentFields
            order {
              id
              partner_order_id
              order_number
            }
          }
        }
      }
    }
  }
  ${SHIPMENT_FIELDS}
`;

export const SHIPMENT_QUERY = /* GraphQL */ `
  query Shipment($id: String!) {
    shipment(id: $id) {
      request_id
      complexity
      data {
        ...ShipmentFields
        order {
          id
          partner_order_id
          order_number
        }
      }
    }
  }
  ${SHIPMENT_FIELDS}
`;

export const PRODUCT_QUERY = /* GraphQL */ `
  query Product($sku: String!) {
    product(sku: $sku) {
      request_id
      complexity
      data {
        id
        legacy_id
        sku
        name
        warehouse_products {
          warehouse_id
          on_hand
          available
          allocated
          backorder
          updated_at
        }
      }
    }
  }
`;

export const WAREHOUSE_PRODUCTS_QUERY = /* GraphQL */ `
  query WarehouseProducts($warehouseId: String, $updatedFrom: ISODateTime, $after: String) {
    warehouse_products(warehouse_id: $warehouseId, updated_from: $updatedFrom) {
      request_id
      complexity
      data(first: ${WAREHOUSE_PRODUCT_PAGE_SIZE}, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            sku
            warehouse_id
            on_hand
            available
            allocated
            updated_at
          }
        }
      }
    }
  }
`;

export const UUID_QUERY = /* GraphQL */ `
  query Uuid($legacyId: Int!, $entity: EntityType!) {
    uuid(legacy_id: $legacyId, entity: $entity) {
      request_id
      complexity
      data {
        legacy_id
        id
      }
    }
  }
`;

export const WEBHOOKS_QUERY = /* GraphQL */ `
  query Webhooks {
    webhooks {
      request_id
      complexity
      data(first: 50) {
        edges {
          node {
            id
            legacy_id
            name
            url
            shop_name
          }
        }
      }
    }
  }
`;

const ORDER_MUTATION_RESULT = /* GraphQL */ `
  request_id
  complexity
  order {
    id
    legacy_id
    order_number
    partner_order_id
    fulfillment_status
  }
`;

export const ORDER_CREATE_MUTATION = /* GraphQL */ `
  mutation OrderCreate($data: CreateOrderInput!) {
    order_create(data: $data) {
      ${ORDER_MUTATION_RESULT}
    }
  }
`;

export const ORDER_UPDATE_MUTATION = /* GraphQL */ `
  mutation OrderUpdate($data: UpdateOrderInput!) {
    order_update(data: $data) {
      ${ORDER_MUTATION_RESULT}
    }
  }
`;

export const ORDER_CANCEL_MUTATION = /* GraphQL */ `
  mutation OrderCancel($data: CancelOrderInput!) {
    order_cancel(data: $data) {
      ${ORDER_MUTATION_RESULT}
    }
  }
`;

export const ORDER_UPDATE_HOLDS_MUTATION = /* GraphQL */ `
  mutation OrderUpdateHolds($data: UpdateOrderHoldsInput!) {
    order_update_holds(data: $data) {
      ${ORDER_MUTATION_RESULT}
    }
  }
`;

export const WEBHOOK_CREATE_MUTATION = /* GraphQL */ `
  mutation WebhookCreate($data: CreateWebhookInput!) {
    webhook_create(data: $data) {
      request_id
      complexity
      webhook {
        id
        legacy_id
        name
        url
        shop_name
        shared_signature_secret
      }
    }
  }
`;

export const WEBHOOK_DELETE_MUTATION = /* GraphQL */ `
  mutation WebhookDelete($data: DeleteWebhookInput!) {
    webhook_delete(data: $data) {
      request_id
      complexity
    }
  }
`;

/** Every document, by operation name: what the schema check and the simulator's tests walk. */
export const DOCUMENTS = {
  Account: ACCOUNT_QUERY,
  OrderByPartnerId: ORDER_BY_PARTNER_ID_QUERY,
  Order: ORDER_QUERY,
  ShipmentsSince: SHIPMENTS_SINCE_QUERY,
  Shipment: SHIPMENT_QUERY,
  Product: PRODUCT_QUERY,
  WarehouseProducts: WAREHOUSE_PRODUCTS_QUERY,
  Uuid: UUID_QUERY,
  Webhooks: WEBHOOKS_QUERY,
  OrderCreate: ORDER_CREATE_MUTATION,
  OrderUpdate: ORDER_UPDATE_MUTATION,
  OrderCancel: ORDER_CANCEL_MUTATION,
  OrderUpdateHolds: ORDER_UPDATE_HOLDS_MUTATION,
  WebhookCreate: WEBHOOK_CREATE_MUTATION,
  WebhookDelete: WEBHOOK_DELETE_MUTATION,
  ...PRODUCT_DOCUMENTS,
} as const;
