import { z } from 'zod';

/*
 * ShipStation V1 shapes (camelCase). Response schemas are lenient — ShipStation sends null for
 * most absent values and adds fields over time — so a new field or a null never dead-letters a
 * sync. The createorder body we send is strict (create-order-schema.ts).
 */

const text = z.string().nullish();
const amount = z.number().nullish();

export const ShipStationWeightSchema = z
  .object({ value: z.number(), units: z.enum(['pounds', 'ounces', 'grams']).or(z.string()) })
  .loose();
export type ShipStationWeight = z.infer<typeof ShipStationWeightSchema>;

export const ShipStationAddressSchema = z
  .object({
    name: text,
    company: text,
    street1: text,
    street2: text,
    street3: text,
    city: text,
    state: text,
    postalCode: text,
    /** ISO 3166-1 alpha-2. */
    country: text,
    phone: text,
    residential: z.boolean().nullish(),
    addressVerified: text,
  })
  .loose();
export type ShipStationAddress = z.infer<typeof ShipStationAddressSchema>;

export const ShipStationItemOptionSchema = z.object({ name: text, value: text }).loose();

export const ShipStationOrderItemSchema = z
  .object({
    orderItemId: z.number().nullish(),
    /** Our line id (the store's line), echoed back on shipment items. */
    lineItemKey: text,
    sku: text,
    name: text,
    imageUrl: text,
    weight: ShipStationWeightSchema.nullish(),
    quantity: z.number(),
    unitPrice: amount,
    taxAmount: amount,
    shippingAmount: amount,
    warehouseLocation: text,
    options: z.array(ShipStationItemOptionSchema).nullish(),
    productId: z.number().nullish(),
    fulfillmentSku: text,
    /** True for discount lines, which are not goods and never ship. */
    adjustment: z.boolean().nullish(),
    upc: text,
    createDate: text,
    modifyDate: text,
  })
  .loose();
export type ShipStationOrderItem = z.infer<typeof ShipStationOrderItemSchema>;

export const ShipStationAdvancedOptionsSchema = z
  .object({
    warehouseId: z.number().nullish(),
    storeId: z.number().nullish(),
    customField1: text,
    customField2: text,
    customField3: text,
    source: text,
    mergedOrSplit: z.boolean().nullish(),
    mergedIds: z.array(z.number()).nullish(),
    parentId: z.number().nullish(),
  })
  .loose();

export const ShipStationOrderSchema = z
  .object({
    orderId: z.number(),
    orderNumber: z.string(),
    orderKey: text,
    orderDate: text,
    createDate: text,
    modifyDate: text,
    paymentDate: text,
    shipByDate: text,
    /** A string, not the enum: a status added by ShipStation must not fail a whole page. */
    orderStatus: z.string(),
    customerId: z.number().nullish(),
    customerUsername: text,
    customerEmail: text,
    billTo: ShipStationAddressSchema.nullish(),
    shipTo: ShipStationAddressSchema.nullish(),
    items: z.array(ShipStationOrderItemSchema).nullish(),
    orderTotal: amount,
    amountPaid: amount,
    taxAmount: amount,
    shippingAmount: amount,
    customerNotes: text,
    internalNotes: text,
    gift: z.boolean().nullish(),
    giftMessage: text,
    paymentMethod: text,
    requestedShippingService: text,
    carrierCode: text,
    serviceCode: text,
    packageCode: text,
    confirmation: text,
    shipDate: text,
    holdUntilDate: text,
    weight: ShipStationWeightSchema.nullish(),
    advancedOptions: ShipStationAdvancedOptionsSchema.nullish(),
    tagIds: z.array(z.number()).nullish(),
    userId: text,
    externallyFulfilled: z.boolean().nullish(),
    externallyFulfilledBy: text,
  })
  .loose();
export type ShipStationOrder = z.infer<typeof ShipStationOrderSchema>;

export const ShipStationShipmentSchema = z
  .object({
    shipmentId: z.number(),
    orderId: z.number().nullish(),
    orderKey: text,
    userId: text,
    orderNumber: text,
    createDate: text,
    /** Date only, e.g. `2014-10-03`. */
    shipDate: text,
    shipmentCost: amount,
    insuranceCost: amount,
    trackingNumber: text,
    isReturnLabel: z.boolean().nullish(),
    batchNumber: text,
    carrierCode: text,
    serviceCode: text,
    packageCode: text,
    confirmation: text,
    warehouseId: z.number().nullish(),
    voided: z.boolean().nullish(),
    voidDate: text,
    marketplaceNotified: z.boolean().nullish(),
    notifyErrorMessage: text,
    shipTo: ShipStationAddressSchema.nullish(),
    weight: ShipStationWeightSchema.nullish(),
    /** Only with `includeShipmentItems=true`; null otherwise. */
    shipmentItems: z.array(ShipStationOrderItemSchema).nullish(),
    labelData: text,
    formData: text,
  })
  .loose();
export type ShipStationShipment = z.infer<typeof ShipStationShipmentSchema>;

const page = { total: z.number(), page: z.number(), pages: z.number() };

export const ShipStationOrderListSchema = z
  .object({ orders: z.array(ShipStationOrderSchema), ...page })
  .loose();
export type ShipStationOrderList = z.infer<typeof ShipStationOrderListSchema>;

export const ShipStationShipmentListSchema = z
  .object({ shipments: z.array(ShipStationShipmentSchema), ...page })
  .loose();
export type ShipStationShipmentList = z.infer<typeof ShipStationShipmentListSchema>;

export const ShipStationTagSchema = z
  .object({ tagId: z.number(), name: z.string(), color: text })
  .loose();
export type ShipStationTag = z.infer<typeof ShipStationTagSchema>;
export const ShipStationTagListSchema = z.array(ShipStationTagSchema);

export const ShipStationWarehouseSchema = z
  .object({
    warehouseId: z.number(),
    warehouseName: text,
    originAddress: ShipStationAddressSchema.nullish(),
    returnAddress: ShipStationAddressSchema.nullish(),
    createDate: text,
    isDefault: z.boolean().nullish(),
  })
  .loose();
export type ShipStationWarehouse = z.infer<typeof ShipStationWarehouseSchema>;
export const ShipStationWarehouseListSchema = z.array(ShipStationWarehouseSchema);

export const ShipStationStoreSchema = z
  .object({
    storeId: z.number(),
    storeName: text,
    marketplaceId: z.number().nullish(),
    marketplaceName: text,
    accountName: text,
    email: text,
    integrationUrl: text,
    active: z.boolean().nullish(),
    companyName: text,
    phone: text,
    publicEmail: text,
    website: text,
    refreshDate: text,
    lastRefreshAttempt: text,
    createDate: text,
    modifyDate: text,
    autoRefresh: z.boolean().nullish(),
  })
  .loose();
export type ShipStationStore = z.infer<typeof ShipStationStoreSchema>;
export const ShipStationStoreListSchema = z.array(ShipStationStoreSchema);

/**
 * A catalog product (ShipStation files one per new SKU it sees on an order). Loose, so a product
 * read and sent back with `PUT /products/{id}` (a full replace) keeps fields we do not model.
 */
export const ShipStationProductSchema = z
  .object({
    productId: z.number(),
    sku: z.string(),
    name: text,
    price: amount,
    defaultCost: amount,
    length: amount,
    width: amount,
    height: amount,
    /** Weight in ounces. */
    weightOz: amount,
    internalNotes: text,
    fulfillmentSku: text,
    createDate: text,
    modifyDate: text,
    active: z.boolean().nullish(),
    productCategory: z.object({ categoryId: z.number(), name: text }).loose().nullish(),
    productType: z.object({ productTypeId: z.number().nullish(), name: text }).loose().nullish(),
    warehouseLocation: text,
    defaultCarrierCode: text,
    defaultServiceCode: text,
    defaultPackageCode: text,
    defaultIntlCarrierCode: text,
    defaultIntlServiceCode: text,
    defaultIntlPackageCode: text,
    defaultConfirmation: text,
    defaultIntlConfirmation: text,
    customsDescription: text,
    customsValue: amount,
    customsTariffNo: text,
    customsCountryCode: text,
    noCustoms: z.boolean().nullish(),
    tags: z.array(z.object({ tagId: z.number(), name: text }).loose()).nullish(),
  })
  .loose();
export type ShipStationProduct = z.infer<typeof ShipStationProductSchema>;

export const ShipStationProductListSchema = z
  .object({ products: z.array(ShipStationProductSchema), ...page })
  .loose();
export type ShipStationProductList = z.infer<typeof ShipStationProductListSchema>;

/** What V1's action endpoints (addtag, holduntil, PUT /products/{id}, …) answer. */
export const ShipStationSuccessSchema = z.object({ success: z.boolean(), message: text }).loose();
export type ShipStationSuccess = z.infer<typeof ShipStationSuccessSchema>;

/** ASP.NET Web API error body: `Message`, sometimes `ExceptionMessage` or `ModelState`. */
export const ShipStationErrorSchema = z
  .object({
    Message: z.string().optional(),
    ExceptionMessage: z.string().optional(),
    ModelState: z.record(z.string(), z.array(z.string())).optional(),
  })
  .loose();

export * from './create-order-schema';
export * from './enums';
export * from './webhook-schemas';
