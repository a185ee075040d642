import { createHash, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import { SHIPSTATION_PROVIDER } from './profile';
import { ShipStationWebhookSchema, type ShipStationWebhook } from './schemas';

export { ShipStationWebhookSchema, type ShipStationWebhook } from './schemas';

/**
 * V1 webhooks carry no signature, so the hub subscribes a target URL holding a per-connection
 * secret token and checks it here. Both sides are hashed first so the comparison is constant time
 * and does not leak the token's length.
 */
export function verifyShipStationToken(provided: string, expected: string): boolean {
  if (expected.length === 0 || provided.length === 0) return false;
  const a = createHash('sha256').update(provided, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * Validates a delivery (raw bytes, text or parsed JSON) as zod's safe-parse result, so the caller
 * can answer the sender a 400 with the issues. A body that is not JSON fails as a non-object.
 */
export function parseShipStationWebhook(body: unknown): z.ZodSafeParseResult<ShipStationWebhook> {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      // Left as the string: the schema rejects it as "expected object".
    }
  }
  return ShipStationWebhookSchema.safeParse(value);
}

function foreign(message: string): PermanentError {
  return new PermanentError(message, {
    provider: SHIPSTATION_PROVIDER,
    reason: `${SHIPSTATION_PROVIDER}.foreign_resource_url`,
  });
}

/**
 * A `resource_url` is fetched with the connection's credentials, so it must point at the
 * connection's own API origin: anything else would hand the API secret to whoever forged the body.
 * Returns the parsed URL.
 */
export function assertSameOrigin(resourceUrl: string, baseUrl: string): URL {
  let url: URL;
  let base: URL;
  try {
    url = new URL(resourceUrl);
    base = new URL(baseUrl);
  } catch {
    throw foreign('shipstation resource_url is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw foreign('shipstation resource_url must use http(s)');
  }
  if (url.username !== '' || url.password !== '') {
    throw foreign('shipstation resource_url must not carry credentials');
  }
  if (url.origin !== base.origin) {
    throw foreign(`shipstation resource_url points outside ${base.origin}`);
  }
  return url;
}
