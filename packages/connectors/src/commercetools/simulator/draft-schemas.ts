import { z } from 'zod';

/**
 * Shapes the API takes inside drafts and update actions, named after the OpenAPI schemas
 * (`BaseAddress`, `DeliveryItem`, `TrackingData`, …). Unknown fields are dropped, as the API
 * ignores what it does not know.
 */

/** `^[a-z]{2}(-[A-Z]{2})?$` → text. */
export const LocalizedStringSchema = z.record(
  z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  z.string(),
);

/** User-defined keys: `^[A-Za-z0-9_-]+$`, 2–256 characters. */
export const KeySchema = z
  .string()
  .min(2)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/);

const text = z.string().optional();

/** BaseAddress: `country` (ISO 3166-1 alpha-2) and optional text fields. */
export const AddressSchema = z.object({
  key: text,
  country: z.string().regex(/^[A-Z]{2}$/),
  title: text,
  salutation: text,
  firstName: text,
  lastName: text,
  streetName: text,
  streetNumber: text,
  additionalStreetInfo: text,
  postalCode: text,
  city: text,
  region: text,
  state: text,
  company: text,
  department: text,
  building: text,
  apartment: text,
  pOBox: text,
  phone: text,
  mobile: text,
  email: text,
  fax: text,
  additionalAddressInfo: text,
  externalId: text,
});
/** BaseAddress as the API takes and answers it. */
export type Address = z.infer<typeof AddressSchema>;

/** DeliveryItem: a line item (or custom line item) id and a quantity. */
export const DeliveryItemSchema = z.object({
  id: z.string().min(1),
  quantity: z.number().int().nonnegative(),
});
/** A line item id and quantity in a delivery or parcel. */
export type DeliveryItem = z.infer<typeof DeliveryItemSchema>;

/** ParcelMeasurements, integers. */
export const ParcelMeasurementsSchema = z.object({
  heightInMillimeter: z.number().int().optional(),
  lengthInMillimeter: z.number().int().optional(),
  widthInMillimeter: z.number().int().optional(),
  weightInGram: z.number().int().optional(),
});
/** Parcel dimensions in millimetres and grams. */
export type ParcelMeasurements = z.infer<typeof ParcelMeasurementsSchema>;

/** TrackingData, free text; `isReturn` defaults to false. */
export const TrackingDataSchema = z.object({
  trackingId: text,
  carrier: text,
  provider: text,
  providerTransaction: text,
  isReturn: z.boolean().optional(),
});
/** A parcel's tracking data. */
export type TrackingData = z.infer<typeof TrackingDataSchema>;

/** A ResourceIdentifier: `id` or `key`, with the expected `typeId`. */
export const resourceIdentifier = <T extends string>(typeId: T) =>
  z
    .object({
      typeId: z.literal(typeId).optional(),
      id: z.string().min(1).optional(),
      key: z.string().min(1).optional(),
    })
    .refine((ref) => ref.id !== undefined || ref.key !== undefined, {
      message: 'Either id or key must be provided',
    });
/** A reference by `id` or by `key`. */
export type ResourceIdentifier = { id?: string; key?: string };

/** FieldContainer: custom field name → JSON value. */
export const FieldContainerSchema = z.record(z.string(), z.unknown());

/** CustomFieldsDraft: the Type and its field values. */
export const CustomFieldsDraftSchema = z.object({
  type: resourceIdentifier('type'),
  fields: FieldContainerSchema.optional(),
});
/** A Type and field values, as drafts and setCustomType take them. */
export type CustomFieldsDraft = z.infer<typeof CustomFieldsDraftSchema>;

/** ParcelDraft. */
export const ParcelDraftSchema = z.object({
  key: KeySchema.optional(),
  measurements: ParcelMeasurementsSchema.optional(),
  trackingData: TrackingDataSchema.optional(),
  items: z.array(DeliveryItemSchema).optional(),
  custom: CustomFieldsDraftSchema.optional(),
});
/** A parcel as addDelivery takes it. */
export type ParcelDraft = z.infer<typeof ParcelDraftSchema>;

/** `{ version, actions }` of every update request; the actions are parsed one by one. */
export const UpdateRequestSchema = z.object({
  version: z.number().int().nonnegative(),
  actions: z.array(z.looseObject({ action: z.string() })),
});
