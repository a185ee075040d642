import { z } from 'zod';

/** The single-click app's vendor shapes: the auth callback, the token exchange, launch claims. */

export const BIGCOMMERCE_APP_ISSUER = 'bc';

/** `stores/{store_hash}`, as BigCommerce names a store in callbacks, tokens and webhooks. */
export const BigCommerceContextSchema = z
  .string()
  .max(80)
  .regex(/^stores\/[a-z0-9]{1,64}$/i, 'context is stores/{store_hash}');

export const storeHashOfContext = (context: string) => context.slice('stores/'.length);

/** `GET {auth_callback}?code=…&scope=…&context=stores/{hash}&account_uuid=…`. */
export const BigCommerceAuthCallbackQuerySchema = z
  .object({
    code: z.string().min(1).max(512),
    scope: z.string().min(1).max(4_096),
    context: BigCommerceContextSchema,
    account_uuid: z.string().max(64).optional(),
  })
  .loose();
export type BigCommerceAuthCallbackQuery = z.infer<typeof BigCommerceAuthCallbackQuerySchema>;

/** The body the app POSTs to `{login}/oauth2/token`. */
export interface BigCommerceTokenRequest {
  client_id: string;
  client_secret: string;
  code: string;
  context: string;
  scope: string;
  grant_type: 'authorization_code';
  redirect_uri: string;
}

const AccountPersonSchema = z
  .object({
    id: z.number().int().nonnegative(),
    username: z.string().max(320).optional(),
    email: z.string().max(320),
  })
  .loose();

export const BigCommerceTokenResponseSchema = z
  .object({
    access_token: z.string().min(1).max(1_024),
    scope: z.string().max(4_096),
    user: AccountPersonSchema,
    owner: AccountPersonSchema,
    context: BigCommerceContextSchema,
    account_uuid: z.string().max(64).optional(),
  })
  .loose();
export type BigCommerceTokenResponse = z.infer<typeof BigCommerceTokenResponseSchema>;

const LaunchPersonSchema = z
  .object({
    id: z.union([z.number().int().nonnegative(), z.string().min(1).max(64)]),
    email: z.string().max(320),
    locale: z.string().max(35).optional(),
  })
  .loose();

const seconds = z.number().finite();

/** The claims of a `signed_payload_jwt` (load, uninstall and remove-user callbacks). */
export const BigCommerceLaunchClaimsSchema = z
  .object({
    aud: z.union([z.string(), z.array(z.string()).max(10)]),
    iss: z.string(),
    iat: seconds.optional(),
    nbf: seconds.optional(),
    exp: seconds,
    jti: z.string().max(200).optional(),
    sub: z.string(),
    user: LaunchPersonSchema,
    owner: LaunchPersonSchema,
    url: z.string().max(2_048).optional(),
    channel_id: z.number().int().nullable().optional(),
  })
  .loose();
export type BigCommerceLaunchClaims = z.infer<typeof BigCommerceLaunchClaimsSchema>;
