import { z } from 'zod';

/**
 * What a BigCommerce connection needs. The access token authenticates API calls; the client
 * secret is the app's, and BigCommerce signs webhook deliveries with it.
 */
export const BigCommerceCredentialsSchema = z
  .object({
    /** The permanent store id in API paths (`/stores/{storeHash}/v2`). */
    storeHash: z.string().regex(/^[a-z0-9]+$/i, 'store hash is letters and digits'),
    accessToken: z.string().min(1),
    clientSecret: z.string().min(1),
  })
  .strict();
export type BigCommerceCredentials = z.infer<typeof BigCommerceCredentialsSchema>;
