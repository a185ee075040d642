/**
 * The root fields the simulator serves, with ShipHero's full argument lists, and their
 * `request_id`/`complexity` envelopes and relay connections.
 */
export const SHIPHERO_ROOTS_SDL = /* GraphQL */ `
  type Query {
    account(analyze: Boolean): AccountQueryResult
    uuid(legacy_id: Int!, entity: EntityType!, analyze: Boolean): LegacyIdQueryResult
    order(id: String!, analyze: Boolean): OrderQueryResult
    orders(
      shop_name: String
      partner_order_id: String
      order_number: String
      warehouse_id: String
      allocated_warehouse_id: String
      fulfillment_status: String
      sku: String
      email: String
      updated_from: ISODateTime
      updated_to: ISODateTime
      order_date_from: ISODateTime
      order_date_to: ISODateTime
      customer_account_id: String
      has_hold: Boolean
      operator_hold: Boolean
      address_hold: Boolean
      payment_hold: Boolean
      fraud_hold: Boolean
      ready_to_ship: Boolean
      profile: String
      tag: String
      has_backorder: Boolean
      analyze: Boolean
    ): OrdersQueryResult
    product(id: String, sku: String, analyze: Boolean): ProductQueryResult
    warehouse_products(
      warehouse_id: String
      active: Boolean
      sku: String
      customer_account_id: String
      created_from: ISODateTime
      created_to: ISODateTime
      updated_from: ISODateTime
      updated_to: ISODateTime
      analyze: Boolean
    ): WarehouseProductsQueryResult
    shipment(id: String, analyze: Boolean): ShipmentQueryResult
    shipments(
      order_id: String
      date_from: ISODateTime
      date_to: ISODateTime
      order_date_from: ISODateTime
      order_date_to: ISODateTime
      tracking_number: String
      alternate_tracking_id: String
      voided: Boolean
      analyze: Boolean
    ): ShipmentsQueryResult
    webhooks(customer_account_id: String, analyze: Boolean): WebhooksQueryResult
  }

  type Mutation {
    inventory_replace(data: ReplaceInventoryInput!): UpdateInventoryOutput
    order_create(data: CreateOrderInput!): OrderMutationOutput
    order_cancel(data: CancelOrderInput!): OrderMutationOutput
    order_update_fulfillment_status(data: UpdateOrderFulfillmentStatusInput!): OrderMutationOutput
    order_update(data: UpdateOrderInput!): OrderMutationOutput
    order_update_holds(data: UpdateOrderHoldsInput!): OrderMutationOutput
    product_create(data: CreateProductInput!): CreateProductOutput
    product_update(data: UpdateProductInput!): ProductMutationOutput
    webhook_create(data: CreateWebhookInput!): CreateWebhookOutput
    webhook_delete(data: DeleteWebhookInput!): MutationOutput
  }

  type AccountQueryResult {
    request_id: String
    complexity: Int
    data: Account
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type LegacyIdQueryResult {
    request_id: String
    complexity: Int
    data: LegacyId
  }

  type OrderQueryResult {
    request_id: String
    complexity: Int
    data: Order
  }

  type LineItemQuerySpecConnection {
    pageInfo: PageInfo!
    edges: [LineItemQuerySpecEdge]!
    total_count: Int
  }

  type LineItemQuerySpecEdge {
    node: LineItem
    cursor: String!
  }

  type ShipmentLineItemConnection {
    pageInfo: PageInfo!
    edges: [ShipmentLineItemEdge]!
  }

  type ShipmentLineItemEdge {
    node: ShipmentLineItem
    cursor: String!
  }

  type OrdersQueryResult {
    request_id: String
    complexity: Int
    data(sort: String, before: String, after: String, first: Int, last: Int): OrderConnection
  }

  type OrderConnection {
    pageInfo: PageInfo!
    edges: [OrderEdge]!
  }

  type OrderEdge {
    node: Order
    cursor: String!
  }

  type ProductQueryResult {
    request_id: String
    complexity: Int
    data: Product
  }

  type WarehouseProductsQueryResult {
    request_id: String
    complexity: Int
    data(
      sort: String
      before: String
      after: String
      first: Int
      last: Int
    ): WarehouseProductConnection
  }

  type WarehouseProductConnection {
    pageInfo: PageInfo!
    edges: [WarehouseProductEdge]!
  }

  type WarehouseProductEdge {
    node: WarehouseProduct
    cursor: String!
  }

  type ShipmentQueryResult {
    request_id: String
    complexity: Int
    data: Shipment
  }

  type ShipmentsQueryResult {
    request_id: String
    complexity: Int
    data(
      sort: String
      search: GenericScalar
      before: String
      after: String
      first: Int
      last: Int
    ): ShipmentConnection
  }

  type ShipmentConnection {
    pageInfo: PageInfo!
    edges: [ShipmentEdge]!
    total_count: Int
  }

  type ShipmentEdge {
    node: Shipment
    cursor: String!
  }

  type WebhooksQueryResult {
    request_id: String
    complexity: Int
    data(sort: String, before: String, after: String, first: Int, last: Int): WebhookConnection
  }

  type WebhookConnection {
    pageInfo: PageInfo!
    edges: [WebhookEdge]!
  }

  type WebhookEdge {
    node: Webhook
    cursor: String!
  }

  type MutationOutput {
    request_id: String
    complexity: Int
  }

  type UpdateInventoryOutput {
    request_id: String
    complexity: Int
    warehouse_product: WarehouseProduct
  }

  type OrderMutationOutput {
    request_id: String
    complexity: Int
    order: Order
  }

  type CreateWebhookOutput {
    request_id: String
    complexity: Int
    webhook: Webhook
  }
`;
