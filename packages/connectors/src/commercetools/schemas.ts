import { z } from 'zod';

const text = z.string().nullish();

/** `{ "en": "Shirt", "de": "Hemd" }`. */
export const LocalizedStringSchema = z.record(z.string(), z.string());
export type LocalizedString = z.infer<typeof LocalizedStringSchema>;

/** Money in integer cents (`centPrecision`) or finer (`highPrecision`). */
export const MoneySchema = z.looseObject({
  type: text,
  currencyCode: z.string().length(3),
  centAmount: z.number().int(),
  fractionDigits: z.number().int().min(0).max(20).default(2),
});
export type CommercetoolsMoney = z.infer<typeof MoneySchema>;

export const AddressSchema = z.looseObject({
  id: text,
  key: text,
  title: text,
  salutation: text,
  firstName: text,
  lastName: text,
  company: text,
  streetName: text,
  streetNumber: text,
  additionalStreetInfo: text,
  additionalAddressInfo: text,
  building: text,
  apartment: text,
  postalCode: text,
  city: text,
  region: text,
  state: text,
  country: z.string(),
  phone: text,
  mobile: text,
  email: text,
});
export type CommercetoolsAddress = z.infer<typeof AddressSchema>;

const ReferenceSchema = z.looseObject({ typeId: z.string(), id: z.string().optional() });
const KeyReferenceSchema = z.looseObject({ typeId: z.string(), key: z.string() });

export const CustomFieldsSchema = z.looseObject({
  type: ReferenceSchema,
  fields: z.record(z.string(), z.unknown()).default({}),
});
export type CommercetoolsCustomFields = z.infer<typeof CustomFieldsSchema>;

export const DeliveryItemSchema = z.looseObject({
  id: z.string(),
  quantity: z.number().int().nonnegative(),
});

export const TrackingDataSchema = z.looseObject({
  trackingId: text,
  carrier: text,
  provider: text,
  providerTransaction: text,
  isReturn: z.boolean().nullish(),
});
export type CommercetoolsTrackingData = z.infer<typeof TrackingDataSchema>;

export const ParcelSchema = z.looseObject({
  id: z.string(),
  key: text,
  createdAt: z.string(),
  measurements: z.unknown().optional(),
  trackingData: TrackingDataSchema.nullish(),
  items: z.array(DeliveryItemSchema).nullish(),
  custom: CustomFieldsSchema.nullish(),
});
export type CommercetoolsParcel = z.infer<typeof ParcelSchema>;

export const DeliverySchema = z.looseObject({
  id: z.string(),
  key: text,
  createdAt: z.string(),
  items: z.array(DeliveryItemSchema).default([]),
  parcels: z.array(ParcelSchema).default([]),
  address: AddressSchema.nullish(),
  custom: CustomFieldsSchema.nullish(),
});
export type CommercetoolsDelivery = z.infer<typeof DeliverySchema>;

export const ShippingInfoSchema = z.looseObject({
  shippingMethodName: z.string(),
  price: MoneySchema,
  deliveries: z.array(DeliverySchema).default([]),
});

export const LineItemSchema = z.looseObject({
  id: z.string(),
  productId: z.string(),
  productKey: text,
  name: LocalizedStringSchema,
  variant: z.looseObject({
    id: z.number().int(),
    sku: text,
    key: text,
    attributes: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).nullish(),
  }),
  quantity: z.number().int().nonnegative(),
  price: z.looseObject({ value: MoneySchema }),
  totalPrice: MoneySchema,
  distributionChannel: ReferenceSchema.nullish(),
  shippingDetails: z
    .looseObject({
      targets: z.array(
        z.looseObject({ addressKey: z.string(), quantity: z.number(), shippingMethodKey: text }),
      ),
    })
    .nullish(),
});
export type CommercetoolsLineItem = z.infer<typeof LineItemSchema>;

export const ReturnInfoSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.string(),
      key: text,
      quantity: z.number(),
      lineItemId: text,
      shipmentState: z.string(),
      comment: text,
    }),
  ),
  returnTrackingId: text,
  returnDate: text,
});

export const OrderSchema = z.looseObject({
  id: z.string(),
  version: z.number().int().positive(),
  orderNumber: text,
  customerId: text,
  customerEmail: text,
  locale: text,
  store: KeyReferenceSchema.nullish(),
  lineItems: z.array(LineItemSchema),
  customLineItems: z.array(z.looseObject({ id: z.string() })).default([]),
  totalPrice: MoneySchema,
  taxedPrice: z
    .looseObject({
      totalNet: MoneySchema,
      totalGross: MoneySchema,
      totalTax: MoneySchema.nullish(),
    })
    .nullish(),
  discountOnTotalPrice: z.looseObject({ discountedAmount: MoneySchema }).nullish(),
  shippingAddress: AddressSchema.nullish(),
  billingAddress: AddressSchema.nullish(),
  itemShippingAddresses: z.array(AddressSchema).default([]),
  shippingMode: z.string().default('Single'),
  shippingInfo: ShippingInfoSchema.nullish(),
  shipping: z
    .array(
      z.looseObject({
        shippingKey: z.string(),
        shippingInfo: ShippingInfoSchema,
        shippingAddress: AddressSchema,
      }),
    )
    .default([]),
  orderState: z.string(),
  shipmentState: text,
  paymentState: text,
  returnInfo: z.array(ReturnInfoSchema).default([]),
  custom: CustomFieldsSchema.nullish(),
  createdAt: z.string(),
  lastModifiedAt: z.string(),
});
export type CommercetoolsOrder = z.infer<typeof OrderSchema>;

/** Every query answer: `{limit, offset, count, total?, results}`. */
export function pagedSchema<T extends z.ZodType>(result: T) {
  return z.looseObject({
    limit: z.number(),
    offset: z.number(),
    count: z.number(),
    total: z.number().optional(),
    results: z.array(result),
  });
}

export const FieldDefinitionSchema = z.looseObject({
  name: z.string(),
  label: LocalizedStringSchema,
  required: z.boolean(),
  type: z.looseObject({ name: z.string() }),
  inputHint: text,
});

export const TypeSchema = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  key: z.string(),
  name: LocalizedStringSchema,
  resourceTypeIds: z.array(z.string()),
  fieldDefinitions: z.array(FieldDefinitionSchema),
});
export type CommercetoolsType = z.infer<typeof TypeSchema>;

export const SubscriptionSchema = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  key: text,
  destination: z.looseObject({ type: z.string() }),
  messages: z
    .array(z.looseObject({ resourceTypeId: z.string(), types: z.array(z.string()).nullish() }))
    .default([]),
  format: z.looseObject({ type: z.string() }).nullish(),
  status: text,
});
export type CommercetoolsSubscription = z.infer<typeof SubscriptionSchema>;

export const TokenAnswerSchema = z.looseObject({
  access_token: z.string().min(10).max(5_000),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});
