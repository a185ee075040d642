import { z } from 'zod';
import { ShipStationOrderStatusSchema } from './enums';

/** ShipStation's own date style: no offset, up to seven fraction digits. */
export const ShipStationDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/, 'ShipStation date without offset');

const nullableText = z.string().nullable();

export const ShipStationAddressInputSchema = z
  .object({
    name: z.string(),
    company: nullableText,
    street1: z.string(),
    street2: nullableText,
    street3: nullableText,
    city: z.string(),
    state: nullableText,
    postalCode: nullableText,
    country: z.string().length(2).nullable(),
    phone: nullableText,
    residential: z.boolean().nullable(),
  })
  .strict();
export type ShipStationAddressInput = z.infer<typeof ShipStationAddressInputSchema>;

export const ShipStationOrderItemInputSchema = z
  .object({
    lineItemKey: z.string(),
    sku: z.string(),
    name: z.string().min(1),
    imageUrl: nullableText,
    weight: z.object({ value: z.number().nonnegative(), units: z.literal('grams') }).nullable(),
    quantity: z.number().int().positive(),
    unitPrice: z.number(),
    options: z.array(z.object({ name: z.string(), value: z.string() }).strict()),
    adjustment: z.boolean(),
  })
  .strict();
export type ShipStationOrderItemInput = z.infer<typeof ShipStationOrderItemInputSchema>;

/** The `POST /orders/createorder` body the hub sends (the full resource: no partial updates). */
export const ShipStationCreateOrderSchema = z
  .object({
    orderNumber: z.string().min(1).max(50),
    orderKey: z.string().min(1),
    orderDate: ShipStationDateTimeSchema,
    paymentDate: ShipStationDateTimeSchema.nullable(),
    orderStatus: ShipStationOrderStatusSchema,
    customerUsername: nullableText,
    customerEmail: nullableText,
    billTo: ShipStationAddressInputSchema,
    shipTo: ShipStationAddressInputSchema,
    items: z.array(ShipStationOrderItemInputSchema),
    amountPaid: z.number(),
    taxAmount: z.number(),
    shippingAmount: z.number(),
    customerNotes: nullableText,
    internalNotes: nullableText,
    gift: z.boolean(),
    giftMessage: nullableText,
    paymentMethod: nullableText,
    requestedShippingService: nullableText,
    /** With orderStatus `on_hold`: the day ShipStation moves the order back to awaiting_shipment. */
    holdUntilDate: z.iso.date().nullable().optional(),
    advancedOptions: z
      .object({
        /** The ship-from warehouse (GET /warehouses); left out, ShipStation keeps its choice. */
        warehouseId: z.number().int().nullable().optional(),
        storeId: z.number().int().nullable(),
        customField1: nullableText,
        customField2: nullableText,
        customField3: nullableText,
        source: nullableText,
      })
      .strict(),
    /** Omitted when no rule adds a tag, so tags a person set in ShipStation survive updates. */
    tagIds: z.array(z.number().int()).optional(),
  })
  .strict();
export type ShipStationCreateOrder = z.infer<typeof ShipStationCreateOrderSchema>;
