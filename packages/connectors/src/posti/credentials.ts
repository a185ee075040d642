import { z } from 'zod';

/**
 * A Posti Shipping (Pakettikauppa) merchant account: the API key (a UUID, also the Prinetti
 * `Routing.Account`) and the secret that signs every request (HMAC-SHA256), the Prinetti routing
 * key (MD5) and Posti's tracking callbacks. `z.guid()` rather than `z.uuid()`: the documented
 * test keys (`00000000-…`, `11111111-…`) are not RFC 9562 UUIDs.
 */
export const PostiCredentialsSchema = z
  .object({
    apiKey: z.guid(),
    secret: z.string().min(8).max(200),
  })
  .strict();
export type PostiCredentials = z.infer<typeof PostiCredentialsSchema>;
