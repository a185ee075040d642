import { z } from 'zod';
import { GOOGLE_ISSUERS, GOOGLE_JWKS_URL } from './push/oidc';

const key = z
  .string()
  .min(2)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** commercetools' shipment states, as the order's `shipmentState` takes them. */
export const SHIPMENT_STATES = [
  'Shipped',
  'Delivered',
  'Ready',
  'Pending',
  'Delayed',
  'Partial',
  'Backorder',
  'Canceled',
] as const;
export type CommercetoolsShipmentState = (typeof SHIPMENT_STATES)[number];

/**
 * How a commercetools connection is routed and delivered to (the `connections.settings` column):
 * - `route`: beyond the API client's store (its credentials' `storeKey`), further conditions an order must meet to be this connection's (a line item supplied
 *   through one of `distributionChannels`, or the order custom field `customField.name` holding
 *   one of its `values`), for projects that split storefronts by channel or custom field.
 * - `pubsub`: the Google Cloud Pub/Sub topic the hub's commercetools subscription publishes to,
 *   and how the push subscription's OpenID Connect token is checked: issuers and key set are
 *   Google's by default; the audience is the connection's webhook URL (Google's default for a
 *   push subscription) unless set; `serviceAccountEmail`, when set, must be the token's e-mail.
 *   Absent: no subscription is registered and only the reconciling poll reads changes.
 * - `format`: the subscription's payload format (Platform or CloudEvents); both are read.
 * - `parcelTypeKey`: the custom Type the hub creates for the parcel fields it writes.
 * - `carriers`: the courier slug of carrier texts the canonical carrier table does not know
 *   (`{"Posti Express": "posti"}`), matched without case.
 * - `shipmentStates`: the order's `shipmentState` for each state of its parcels as a whole
 *   (`orderShipmentProgress`); null leaves the order's state alone.
 * - `returns`: whether a parcel back at the merchant adds a return to the order (ReturnInfo).
 */
export const CommercetoolsSettingsSchema = z
  .object({
    route: z
      .object({
        distributionChannels: z.array(key).max(50).default([]),
        customField: z
          .object({ name: key, values: z.array(z.string().min(1).max(256)).min(1).max(50) })
          .strict()
          .nullable()
          .default(null),
      })
      .strict()
      .prefault({}),
    pubsub: z
      .object({
        projectId: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a Google Cloud project id'),
        topic: z
          .string()
          .regex(/^[A-Za-z][\w.~+%-]{2,254}$/, 'a Pub/Sub topic name (not its full path)'),
        audience: z.string().min(1).max(2_000).optional(),
        issuers: z
          .array(z.string().min(1).max(500))
          .min(1)
          .max(5)
          .default([...GOOGLE_ISSUERS]),
        jwksUrl: z.url().default(GOOGLE_JWKS_URL),
        serviceAccountEmail: z.email().optional(),
      })
      .strict()
      .optional(),
    format: z.enum(['Platform', 'CloudEvents']).default('Platform'),
    subscriptionKey: key.default('shiplink-orders'),
    parcelTypeKey: key.default('shiplink-parcel-tracking'),
    carriers: z
      .record(z.string().min(1).max(100), z.string().regex(/^[a-z0-9-]{2,60}$/, 'a courier slug'))
      .default({}),
    shipmentStates: z
      .object({
        shipped: z.enum(SHIPMENT_STATES).nullable().default('Shipped'),
        partial: z.enum(SHIPMENT_STATES).nullable().default('Partial'),
        delayed: z.enum(SHIPMENT_STATES).nullable().default('Delayed'),
        delivered: z.enum(SHIPMENT_STATES).nullable().default('Delivered'),
      })
      .strict()
      .prefault({}),
    returns: z.boolean().default(true),
  })
  .strict();
export type CommercetoolsSettings = z.infer<typeof CommercetoolsSettingsSchema>;
