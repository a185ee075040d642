import { z } from 'zod';

const key = z
  .string()
  .min(2)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/**
 * A commercetools API client (Merchant Center → Settings → Developer settings), for the client
 * credentials grant. The access token it earns is kept with the connection and shared by every
 * process; `authUrl` is only for hosts whose auth host is not `auth.<region>` beside `api.<region>`.
 * `storeKey`: for an API client of one store, the store whose orders the connection serves (read
 * through its in-store endpoints with store-scoped permissions; other stores' orders are not this
 * connection's). Absent: every order of the project.
 */
export const CommercetoolsCredentialsSchema = z.object({
  projectKey: key,
  storeKey: key.optional(),
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  authUrl: z.url().optional(),
  accessToken: z.string().min(10).max(5_000).optional(),
  accessTokenExpiresAt: z.iso.datetime({ offset: true }).optional(),
  /** When the hub renews it: ten minutes before it expires, or halfway for short-lived ones. */
  accessTokenRenewAt: z.iso.datetime({ offset: true }).optional(),
});
export type CommercetoolsCredentials = z.infer<typeof CommercetoolsCredentialsSchema>;
