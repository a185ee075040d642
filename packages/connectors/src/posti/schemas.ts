import { z } from 'zod';

/**
 * Posti Shipping (Pakettikauppa) JSON answers, as far as the hub reads them. The docs show ids as
 * numbers in one example and strings in the next, so codes and ids are read as either and kept
 * as strings; unknown fields are tolerated everywhere.
 */
const text = z.string().max(10_000);
/** A code or id Posti sends as a number or a string; always a trimmed string here. */
const code = z.union([z.string().max(200), z.number()]).transform((value) => String(value).trim());
const optionalText = text.nullish().transform((value) => value ?? null);

export const PostiAdditionalServiceSchema = z.looseObject({
  name: text.nullish(),
  service_code: code,
  specifiers: z
    .array(z.looseObject({ name: text, type: text.nullish() }))
    .nullish()
    .transform((value) => value ?? []),
});
export type PostiAdditionalService = z.infer<typeof PostiAdditionalServiceSchema>;

/** One item of `/shipping-methods/list`. */
export const PostiShippingMethodSchema = z.looseObject({
  name: text,
  shipping_method_code: code,
  description: optionalText,
  service_provider: optionalText,
  supported_countries: z
    .array(z.string().max(10))
    .nullish()
    .transform((value) => value ?? []),
  has_pickup_points: z.boolean().nullish(),
  home_delivery: z.boolean().nullish(),
  additional_services: z
    .array(PostiAdditionalServiceSchema)
    .max(500)
    .nullish()
    .transform((value) => value ?? []),
  icon: optionalText,
});
export type PostiShippingMethod = z.infer<typeof PostiShippingMethodSchema>;

/** A pickup point of `/pickup-points/search` or `/pickup-point/info`. */
export const PostiPickupPointSchema = z.looseObject({
  provider: optionalText,
  provider_code: optionalText,
  pickup_point_id: code,
  name: text,
  street_address: optionalText,
  postcode: optionalText,
  city: optionalText,
  country: optionalText,
  description: optionalText,
  map_longitude: code.nullish().transform((value) => value ?? null),
  map_latitude: code.nullish().transform((value) => value ?? null),
  point_type: optionalText,
});
export type PostiPickupPoint = z.infer<typeof PostiPickupPointSchema>;

/**
 * One event of `/shipment/status`, and the `object` of a tracking callback. Every value is a
 * string in the docs (`measured_weight: "0"`); timestamps are `YYYY-MM-DD HH:MM:SS` Finnish time.
 */
export const PostiStatusEventSchema = z.looseObject({
  message_created: optionalText,
  reference: code.nullish().transform((value) => value ?? null),
  tracking_code: code.nullish().transform((value) => value ?? null),
  measured_weight: code.nullish().transform((value) => value ?? null),
  measured_volume: code.nullish().transform((value) => value ?? null),
  status_code: code,
  receiver_name: optionalText,
  event_timestamp: optionalText,
  postcode: code.nullish().transform((value) => value ?? null),
  post_office: optionalText,
});
export type PostiStatusEvent = z.infer<typeof PostiStatusEventSchema>;
/** What `PostiStatusEventSchema` accepts, for fixtures and the simulator. */
export type PostiStatusEventInput = z.input<typeof PostiStatusEventSchema>;

/** `{"success": true|false}` answers (`/shipment/cancel`) and the JSON APIs' refusals. */
export const PostiOutcomeSchema = z.looseObject({
  success: z.boolean(),
  message: text.nullish(),
});
export type PostiOutcome = z.infer<typeof PostiOutcomeSchema>;

/** A refusal inside an HTTP 200 where a list or an object was asked for. */
export const PostiRefusalSchema = z.looseObject({
  success: z.literal(false),
  message: text.nullish(),
});
