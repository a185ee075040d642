import {
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { header } from '../../http/profile';
import { KeysUnavailableError, pushKeySet } from './jwks-cache';

/*
 * A Pub/Sub push subscription with authentication on sends `Authorization: Bearer <ID token>`:
 * an RS256 JWT Google signs with the keys at GOOGLE_JWKS_URL, whose `aud` is the audience set on
 * the subscription (the push endpoint's URL unless set otherwise) and whose `email` is the
 * subscription's service account. The token is never logged nor put in a message.
 */

/** The issuers Google writes in its ID tokens (both forms are in use). */
export const GOOGLE_ISSUERS: readonly string[] = [
  'https://accounts.google.com',
  'accounts.google.com',
];
/** Google's OAuth 2.0 signing keys, as a JSON Web Key Set. */
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
/** Accepted clock difference, in seconds, unless the caller says otherwise. */
export const DEFAULT_TOKEN_TOLERANCE_SEC = 60;
/** Google's ID tokens are about 1 KB; anything far longer is refused unread. */
const MAX_TOKEN_LENGTH = 8_192;
const MAX_KID_LENGTH = 200;
const ALGORITHM = 'RS256';

/** What a push's token must say to be accepted. */
export interface PushTokenExpectation {
  /** Accepted `iss` values; Google's are GOOGLE_ISSUERS. */
  issuers: string[];
  /** Where the signing keys are; Google's are at GOOGLE_JWKS_URL. */
  jwksUrl: string;
  /** The audience configured on the push subscription. */
  audience: string;
  /** The push subscription's service account; when set, `email` must be it and verified. */
  serviceAccountEmail?: string;
}

/** The claims of an accepted token the caller may want to record. */
export interface PushTokenClaims {
  iss: string;
  aud: string | string[];
  email?: string;
  sub?: string;
  exp: number;
  iat: number;
}

/** Why a token was refused: `keys_unavailable` is ours (answer 503), the rest are the sender's. */
export type PushTokenRefusalCode =
  | 'missing_token'
  | 'malformed_token'
  | 'bad_signature'
  | 'token_expired'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'wrong_account'
  | 'email_unverified'
  | 'keys_unavailable';

/** The outcome of verifying a push's token. Refusals are values, not exceptions. */
export type PushTokenVerdict =
  | { ok: true; claims: PushTokenClaims }
  | { ok: false; code: PushTokenRefusalCode; message: string };

/** Options of `verifyPushToken`. */
export interface PushTokenOptions {
  /** Accepted clock difference in seconds for `exp`, `nbf` and `iat`; default 60. */
  toleranceSec?: number;
  /** The current time (tests). */
  now?: () => Date;
}

const ClaimsSchema = z.looseObject({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.number(),
  email: z.string().optional(),
  // Google sends a boolean; very old tokens carried the string "true".
  email_verified: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  sub: z.string().optional(),
});

/** The bearer token of `Authorization`, if the header has one (the scheme ignores case). */
export function bearerToken(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const value = header(headers, 'authorization')?.trim();
  const match = value ? /^Bearer[ \t]+(\S+)$/i.exec(value) : null;
  return match?.[1];
}

/**
 * Verifies the OIDC ID token of a Pub/Sub push: RS256 only, signed by a key of
 * `expected.jwksUrl`, issued by one of `expected.issuers` for `expected.audience`, within its
 * validity (`exp` required, `iat` not in the future), and, when `serviceAccountEmail` is given,
 * for that verified account. Keys are fetched once per URL and shared; a failure to get them is
 * `keys_unavailable`, distinct from a bad signature, so the caller can answer 503.
 */
export async function verifyPushToken(
  headers: Record<string, string | string[] | undefined>,
  expected: PushTokenExpectation,
  options: PushTokenOptions = {},
): Promise<PushTokenVerdict> {
  const token = bearerToken(headers);
  if (!token) return refuse('missing_token', 'no bearer token in the Authorization header');
  if (token.length > MAX_TOKEN_LENGTH) return refuse('malformed_token', 'the token is too long');
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) {
    return refuse('malformed_token', 'the token is not a compact JWT');
  }
  const headerProblem = protectedHeaderProblem(token);
  if (headerProblem) return headerProblem;

  // jose skips the audience check for an empty audience; an empty expectation matches nothing.
  if (!expected.audience) return refuse('wrong_audience', 'no audience is configured');
  if (expected.serviceAccountEmail === '') {
    return refuse('wrong_account', 'an empty service account is configured');
  }

  const tolerance = options.toleranceSec ?? DEFAULT_TOKEN_TOLERANCE_SEC;
  const now = options.now?.() ?? new Date();
  let keys: JWTVerifyGetKey;
  try {
    keys = pushKeySet(expected.jwksUrl);
  } catch {
    return refuse('keys_unavailable', 'the key set URL is not a valid URL');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: [ALGORITHM],
      issuer: expected.issuers,
      audience: expected.audience,
      requiredClaims: ['exp', 'iat'],
      clockTolerance: tolerance,
      currentDate: now,
    }));
  } catch (error) {
    return verificationFailure(error);
  }

  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) return refuse('malformed_token', 'the token claims have unexpected types');
  const { iss, aud, exp, iat, email, email_verified: emailVerified, sub } = claims.data;
  if (iat > now.getTime() / 1000 + tolerance) {
    return refuse('token_expired', 'the token is not valid yet (issued in the future)');
  }
  if (expected.serviceAccountEmail !== undefined) {
    if (email?.toLowerCase() !== expected.serviceAccountEmail.toLowerCase()) {
      return refuse('wrong_account', 'the token was not issued to the expected service account');
    }
    if (emailVerified !== true && emailVerified !== 'true') {
      return refuse('email_unverified', 'the token email is not verified');
    }
  }
  return {
    ok: true,
    claims: {
      iss,
      aud,
      exp,
      iat,
      ...(email !== undefined ? { email } : {}),
      ...(sub !== undefined ? { sub } : {}),
    },
  };
}

function refuse(code: PushTokenRefusalCode, message: string): PushTokenVerdict {
  return { ok: false, code, message };
}

/** Checked before any key is fetched: a token we would never accept costs no network. */
function protectedHeaderProblem(token: string): PushTokenVerdict | undefined {
  let alg: unknown;
  let kid: unknown;
  try {
    ({ alg, kid } = decodeProtectedHeader(token));
  } catch {
    return refuse('malformed_token', 'the token header is not readable');
  }
  if (alg !== ALGORITHM) {
    return refuse('bad_signature', `the token algorithm is not accepted (only ${ALGORITHM} is)`);
  }
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
    return refuse('malformed_token', 'the token names no usable key id');
  }
  return undefined;
}

function verificationFailure(error: unknown): PushTokenVerdict {
  if (error instanceof KeysUnavailableError) return refuse('keys_unavailable', error.message);
  if (error instanceof errors.JWTExpired) return refuse('token_expired', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return refuse('wrong_issuer', 'the token was issued by an unexpected issuer');
      case 'aud':
        return refuse('wrong_audience', 'the token is for another audience');
      case 'nbf':
        return refuse('token_expired', 'the token is not valid yet');
      default:
        return refuse('malformed_token', `the token claim "${error.claim}" is missing or invalid`);
    }
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return refuse('bad_signature', 'the token signature does not verify with the published keys');
  }
  return refuse('malformed_token', 'the token is not a valid JWT');
}
