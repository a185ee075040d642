/**
 * ShipHero's Product, its measures, and the inputs of `product_create` and `product_update`,
 * complete: any input ShipHero accepts validates here. The Product fields kept are the ones the
 * simulator answers (names, types and nullability exactly as in ShipHero's schema; deprecated
 * warehouse-level fields such as `price` and `value` are left out).
 */
export const SHIPHERO_PRODUCTS_SDL = /* GraphQL */ `
  type Product {
    id: String
    legacy_id: Int
    account_id: String
    name: String
    sku: String
    barcode: String
    country_of_manufacture: String
    dimensions: Dimensions
    tariff_code: String
    kit: Boolean
    kit_build: Boolean
    no_air: Boolean
    final_sale: Boolean
    customs_value: String
    customs_description: String
    not_owned: Boolean
    dropship: Boolean
    needs_serial_number: Boolean
    created_at: ISODateTime
    updated_at: ISODateTime
    product_note: String
    virtual: Boolean
    ignore_on_invoice: Boolean
    ignore_on_customs: Boolean
    needs_lot_tracking: Boolean
    warehouse_products: [WarehouseProduct]
    tags: [String]
    packer_note: String
  }

  type Dimensions {
    weight: String
    height: String
    width: String
    length: String
  }

  type CreateProductOutput {
    request_id: String
    complexity: Int
    product: Product
  }

  type ProductMutationOutput {
    request_id: String
    complexity: Int
    product: Product
  }

  input DimensionsInput {
    weight: String
    height: String
    width: String
    length: String
  }

  input CreateProductInput {
    customer_account_id: String
    name: String!
    sku: String!
    price: String
    value: String
    warehouse_products: [CreateWarehouseProductInput]!
    barcode: String
    country_of_manufacture: String
    dimensions: DimensionsInput
    tariff_code: String
    product_note: String
    kit: Boolean
    kit_build: Boolean
    no_air: Boolean
    final_sale: Boolean
    customs_value: String
    customs_description: String
    not_owned: Boolean
    ignore_on_customs: Boolean
    ignore_on_invoice: Boolean
    dropship: Boolean
    needs_serial_number: Boolean
    virtual: Boolean
    needs_lot_tracking: Boolean
    images: [CreateProductImageInput]
    tags: [String]
    vendors: [CreateProductVendorInput]
    packer_note: String
    cases: [CreateProductCaseInput]
  }

  input CreateWarehouseProductInput {
    warehouse_id: String!
    on_hand: Int!
    inventory_bin: String
    inventory_overstock_bin: String
    reserve_inventory: Int
    replenishment_level: Int
    replenishment_max_level: Int
    replenishment_increment: Int
    reorder_level: Int
    reorder_amount: Int
    custom: Boolean = false
    warehouse: String
    value: String
    value_currency: String
    price: String
  }

  input CreateProductImageInput {
    src: String!
    position: Int
  }

  input CreateProductVendorInput {
    vendor_id: String!
    vendor_sku: String!
    price: String
  }

  input CreateProductCaseInput {
    case_barcode: String!
    case_quantity: Int!
  }

  input UpdateProductInput {
    customer_account_id: String
    sku: String!
    name: String
    dimensions: DimensionsInput
    tariff_code: String
    product_note: String
    country_of_manufacture: String
    needs_serial_number: Boolean
    dropship: Boolean
    barcode: String
    customs_description: String
    ignore_on_customs: Boolean
    ignore_on_invoice: Boolean
    tags: [String]
    vendors: [UpdateProductVendorInput]
    final_sale: Boolean
    virtual: Boolean
    needs_lot_tracking: Boolean
    images: [UpdateProductImageInput]
    packer_note: String
    cases: [UpdateProductCaseInput]
  }

  input UpdateProductVendorInput {
    customer_account_id: String
    vendor_id: String!
    vendor_sku: String
    price: String
  }

  input UpdateProductImageInput {
    src: String!
    position: Int
  }

  input UpdateProductCaseInput {
    case_barcode: String!
    case_quantity: Int!
  }
`;
