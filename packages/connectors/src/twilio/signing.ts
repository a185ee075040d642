import { createHmac, timingSafeEqual } from 'node:crypto';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/** Form parameters in the order received; a name may not repeat (see `formParams`). */
export type TwilioParams = Readonly<Record<string, string>>;

/**
 * `X-Twilio-Signature`: base64 of HMAC-SHA1, keyed with the account's auth token, over the full
 * URL Twilio requested (query string included) followed by every POST parameter's name and value,
 * the parameters sorted by name, nothing between them.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => `${text}${name}${params[name] ?? ''}`, url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * The URL as Twilio may have signed it. Twilio's own validators accept the URL with and without
 * the scheme's default port (`:443`), because its signing side has used both, and the WHATWG
 * form (which escapes some characters the given URL may not).
 */
export function signedUrlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  // WHATWG URLs drop a default port, so this is the "without" form.
  const withoutPort = parsed.toString();
  const variants = new Set([url, withoutPort]);
  if (!parsed.port) {
    const port = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : '';
    const auth = parsed.username
      ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@`
      : '';
    const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    if (port) variants.add(`${parsed.protocol}//${auth}${parsed.host}:${port}${rest}`);
  }
  return [...variants];
}

/**
 * Whether `signature` is Twilio's for this URL and these parameters. Compared as base64 text in
 * constant time (length first, as `timingSafeEqual` needs equal lengths); every variant is
 * computed, so the time taken does not tell which one matched.
 */
export function verifyTwilioSignature(input: {
  authToken: string;
  url: string;
  params: TwilioParams;
  signature: string | undefined;
}): boolean {
  const given = Buffer.from(input.signature?.trim() ?? '', 'utf8');
  if (given.length === 0) return false;
  let valid = false;
  for (const url of signedUrlVariants(input.url)) {
    const expected = Buffer.from(twilioSignature(input.authToken, url, input.params), 'utf8');
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  return valid;
}

/**
 * A form body's parameters. Twilio's messaging webhooks never repeat a name; a repeated one
 * would leave open which value the signature covered, so it makes the body unreadable.
 */
export function formParams(
  rawBody: Buffer,
): { ok: true; params: Record<string, string> } | { ok: false; duplicate: string } {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    if (Object.hasOwn(params, name)) return { ok: false, duplicate: name };
    params[name] = value;
  }
  return { ok: true, params };
}
