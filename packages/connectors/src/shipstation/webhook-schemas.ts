import { z } from 'zod';
import { ShipStationWebhookEventSchema } from './enums';

const text = z.string().nullish();

/** What ShipStation POSTs to a webhook target: only a pointer to fetch with our credentials. */
export const ShipStationWebhookSchema = z
  .object({
    resource_url: z.url({ protocol: /^https?$/ }).max(2048),
    /** An event name such as SHIP_NOTIFY; bounded because it becomes the inbox topic. */
    resource_type: z.string().min(1).max(64),
  })
  .loose();
export type ShipStationWebhook = z.infer<typeof ShipStationWebhookSchema>;

export const ShipStationSubscribeBodySchema = z
  .object({
    target_url: z.url({ protocol: /^https?$/ }),
    event: ShipStationWebhookEventSchema,
    store_id: z.number().int().nullable(),
    friendly_name: z.string(),
  })
  .strict();
export type ShipStationSubscribeBody = z.infer<typeof ShipStationSubscribeBodySchema>;

export const ShipStationSubscribeResponseSchema = z.object({ id: z.number() }).loose();

/** `GET /webhooks` answers in the .NET model's PascalCase, unlike the rest of V1. */
export const ShipStationWebhookSubscriptionSchema = z
  .object({
    WebHookID: z.number(),
    HookType: z.string(),
    Url: z.string(),
    Name: text,
    StoreID: z.number().nullish(),
    Active: z.boolean().nullish(),
  })
  .loose();
export type ShipStationWebhookSubscription = z.infer<typeof ShipStationWebhookSubscriptionSchema>;

export const ShipStationWebhookListSchema = z
  .object({ webhooks: z.array(ShipStationWebhookSubscriptionSchema) })
  .loose();
