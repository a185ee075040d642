import { z } from 'zod';

/**
 * A ShipHero developer user's tokens (My Account → Developer Users). The access token lives 28
 * days; the hub refreshes it before then, and once on a 401, and keeps the new one encrypted
 * with the connection.
 */
export const ShipHeroCredentialsSchema = z.object({
  accessToken: z.string().min(10).max(5_000),
  refreshToken: z.string().min(10).max(5_000),
  /** When the access token expires; unknown for a pasted token (then it is refreshed on a 401). */
  accessTokenExpiresAt: z.iso.datetime({ offset: true }).optional(),
  /**
   * Each webhook's `shared_signature_secret`, by webhook name, as `webhook_create` answered it
   * (ShipHero shows it only then).
   */
  webhookSecrets: z.record(z.string().max(100), z.string().min(8).max(500)).default({}),
});
export type ShipHeroCredentials = z.infer<typeof ShipHeroCredentialsSchema>;
