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
