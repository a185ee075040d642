import { z } from 'zod';

/**
 * What a connection needs to call AfterShip. The webhook secret is not here: AfterShip issues it
 * per account in its admin (Settings → Webhooks) and the hub stores it with the inbound endpoint.
 */
export const AfterShipCredentialsSchema = z
  .object({
    /** Sent as `as-api-key`. Keys limited to "Legacy Tracking API access" do not work on 2025-01. */
    apiKey: z.string().min(1),
  })
  .strict();
export type AfterShipCredentials = z.infer<typeof AfterShipCredentialsSchema>;
