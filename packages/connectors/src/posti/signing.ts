import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Posti Shipping (Pakettikauppa) request signing: `hash` is the hex HMAC-SHA256, keyed with the
 * account's secret, of the parameter values sorted by parameter name and joined with `&`
 * (values only; `hash` itself left out). Tracking callbacks are signed the same way.
 */
export function signParams(params: Readonly<Record<string, string>>, secret: string): string {
  const message = Object.keys(params)
    .filter((name) => name !== 'hash')
    .sort()
    .map((name) => params[name])
    .join('&');
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/** Whether `params.hash` is the signature of the other parameters, compared in constant time. */
export function verifyParams(params: Readonly<Record<string, string>>, secret: string): boolean {
  const given = params.hash;
  if (typeof given !== 'string' || !/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = Buffer.from(signParams(params, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** The Prinetti `Routing.Key`: hex MD5 of account, request id and secret, concatenated. */
export function routingKey(account: string, requestId: string, secret: string): string {
  return createHash('md5').update(`${account}${requestId}${secret}`, 'utf8').digest('hex');
}
