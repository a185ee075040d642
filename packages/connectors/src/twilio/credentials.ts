import { z } from 'zod';

/** Twilio's SIDs: a two-letter type prefix and 32 hex digits. */
export const sidPattern = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);

/**
 * A Twilio account as the merchant copies it from the Console. The auth token is always needed:
 * Twilio signs every webhook with it, even when the REST calls authenticate with an API key
 * (`SK…` and its secret, revocable without touching the token). Without an API key the account
 * SID and auth token are the Basic credentials.
 */
export const TwilioCredentialsSchema = z
  .object({
    accountSid: z.string().trim().regex(sidPattern('AC'), 'an Account SID (AC + 32 hex digits)'),
    /** 32 hex digits; pasting the SID or an API key secret here is caught early. */
    authToken: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{32}$/, 'an auth token (32 hex digits)'),
    apiKeySid: z
      .string()
      .trim()
      .regex(sidPattern('SK'), 'an API key SID (SK + 32 hex digits)')
      .optional(),
    apiKeySecret: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((c) => (c.apiKeySid === undefined) === (c.apiKeySecret === undefined), {
    message: 'apiKeySid and apiKeySecret come together',
    path: ['apiKeySecret'],
  });
export type TwilioCredentials = z.infer<typeof TwilioCredentialsSchema>;

/** The Basic credentials of REST calls: the API key where there is one, else the account's own. */
export function basicCredentials(credentials: TwilioCredentials): {
  user: string;
  password: string;
} {
  return credentials.apiKeySid && credentials.apiKeySecret
    ? { user: credentials.apiKeySid, password: credentials.apiKeySecret }
    : { user: credentials.accountSid, password: credentials.authToken };
}
