import { z } from 'zod';

/**
 * AfterShip Tracking vendor shapes for API version 2025-01 (unwrapped bodies, `customers[]`,
 * `*_country_region`, cursor pagination). Loose on purpose: AfterShip adds fields between
 * versions and we must not break on them; only what we read is typed.
 */

const text = z.string().nullish();

export const AfterShipCheckpointSchema = z.looseObject({
  /** When AfterShip stored the checkpoint; it can differ between re-sends of the same scan. */
  created_at: text,
  slug: text,
  /** Carrier local time; often without an offset. */
  checkpoint_time: text,
  location: text,
  city: text,
  state: text,
  zip: text,
  /** The name `zip` takes in webhook version 2026-01. */
  postal_code: text,
  country_region: text,
  country_region_name: text,
  message: text,
  tag: text,
  subtag: text,
  subtag_message: text,
  /** The carrier's own status code, when AfterShip passes it on. */
  raw_tag: text,
  coordinate: z.unknown().optional(),
  events: z.array(z.looseObject({ code: text })).nullish(),
  source: text,
});
export type AfterShipCheckpoint = z.infer<typeof AfterShipCheckpointSchema>;

export const AfterShipCustomerSchema = z.looseObject({
  /** `buyer` or `receiver`. */
  role: text,
  name: text,
  phone_number: text,
  email: text,
  language: text,
});
export type AfterShipCustomer = z.infer<typeof AfterShipCustomerSchema>;

export const AfterShipTrackingSchema = z.looseObject({
  id: z.string(),
  legacy_id: text,
  tracking_number: z.string(),
  slug: z.string(),
  active: z.boolean().nullish(),
  tag: z.string(),
  subtag: text,
  subtag_message: text,
  title: text,
  order_id: text,
  order_number: text,
  order_date: text,
  custom_fields: z.record(z.string(), z.unknown()).nullish(),
  customers: z.array(AfterShipCustomerSchema).nullish(),
  language: text,
  origin_country_region: text,
  destination_country_region: text,
  checkpoints: z.array(AfterShipCheckpointSchema).nullish(),
  shipment_delivery_date: text,
  shipment_pickup_date: text,
  shipment_package_count: z.number().nullish(),
  shipment_type: text,
  shipment_weight: z.unknown().optional(),
  signed_by: text,
  source: text,
  tracked_count: z.number().nullish(),
  return_to_sender: z.boolean().nullish(),
  courier_tracking_link: text,
  courier_redirect_link: text,
  /** AfterShip's own estimate and the carrier's latest one; shapes vary by API version. */
  aftership_estimated_delivery_date: z.unknown().optional(),
  latest_estimated_delivery: z.unknown().optional(),
  expected_delivery: z.unknown().optional(),
  aftership_tracking_url: text,
  created_at: text,
  updated_at: text,
});
export type AfterShipTracking = z.infer<typeof AfterShipTrackingSchema>;

export const AfterShipMetaSchema = z.looseObject({
  code: z.number(),
  message: text,
  type: text,
});
export type AfterShipMeta = z.infer<typeof AfterShipMetaSchema>;

/** Every AfterShip response: `{ meta, data }`. */
export function afterShipEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ meta: AfterShipMetaSchema, data });
}

export const AfterShipErrorBodySchema = z.looseObject({
  meta: AfterShipMetaSchema,
  data: z.unknown().optional(),
});

export const AfterShipTrackingEnvelopeSchema = afterShipEnvelope(AfterShipTrackingSchema);

export const AfterShipPaginationSchema = z.looseObject({
  total: z.number().nullish(),
  next_cursor: text,
  has_next_page: z.boolean().nullish(),
});

export const AfterShipTrackingListSchema = z.looseObject({
  pagination: AfterShipPaginationSchema,
  trackings: z.array(AfterShipTrackingSchema),
});
export type AfterShipTrackingList = z.infer<typeof AfterShipTrackingListSchema>;
export const AfterShipTrackingListEnvelopeSchema = afterShipEnvelope(AfterShipTrackingListSchema);

export const AfterShipCourierSchema = z.looseObject({
  slug: z.string(),
  name: text,
  web_url: text,
  required_fields: z.array(z.string()).nullish(),
  optional_fields: z.array(z.string()).nullish(),
});
export type AfterShipCourier = z.infer<typeof AfterShipCourierSchema>;

export const AfterShipDetectResultSchema = z.looseObject({
  total: z.number().nullish(),
  couriers: z.array(AfterShipCourierSchema),
});
export const AfterShipDetectEnvelopeSchema = afterShipEnvelope(AfterShipDetectResultSchema);

/**
 * The create body (2025-01: the tracking object itself, no `{ tracking: … }` wrapper). Also the
 * simulator's validator, so field-type mistakes fail as they do at AfterShip since 2025-01.
 */
export const AfterShipCreateTrackingBodySchema = z.looseObject({
  tracking_number: z.string(),
  slug: z.string().optional(),
  title: z.string().optional(),
  order_id: z.string().optional(),
  order_number: z.string().optional(),
  order_date: z.string().optional(),
  custom_fields: z.record(z.string(), z.string()).optional(),
  customers: z.array(AfterShipCustomerSchema).optional(),
  language: z.string().optional(),
  origin_country_region: z.string().optional(),
  destination_country_region: z.string().optional(),
  tracking_postal_code: z.string().optional(),
  note: z.string().optional(),
});
export type AfterShipCreateTrackingBody = z.infer<typeof AfterShipCreateTrackingBodySchema>;

/** What `PUT /trackings/{id}` may change; the number and courier are fixed once created. */
export const AfterShipUpdateTrackingBodySchema = AfterShipCreateTrackingBodySchema.omit({
  tracking_number: true,
  slug: true,
}).partial();
export type AfterShipUpdateTrackingBody = z.infer<typeof AfterShipUpdateTrackingBodySchema>;

/** `tracking_update` (and the other events) as posted to a webhook URL. */
export const AfterShipWebhookSchema = z.looseObject({
  event: z.string().min(1).max(100),
  /** uuid v4; the idempotency key, stable across AfterShip's retries of one event. */
  event_id: z.string().min(1).max(100),
  is_tracking_first_tag: z.boolean().nullish(),
  /** The tracking object in the shape of the URL's webhook version. */
  msg: AfterShipTrackingSchema,
  /** Unix seconds. */
  ts: z.number(),
});
export type AfterShipWebhook = z.infer<typeof AfterShipWebhookSchema>;
