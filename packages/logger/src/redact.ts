/** Keys whose values never reach a log line or an audit record. Matched case-insensitively. */
const SECRET_KEY =
  /(pass(word)?|secret|token|authorization|api[-_]?key|x-auth-token|as-api-key|cookie|signature|credential|hmac)/i;
/** Personal data: replaced, not partially masked, so nothing can be reassembled. */
const PERSONAL_KEY =
  /^(e-?mail|emails|customer_?email|phone|phone_?number|smses|street[_-]?\d?|street1|street2|street3|address[_-]?\d?|zip|postal_?code|postcode|first_?name|last_?name|name_on_card|company)$/i;
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

/** Deep copy with secrets and personal data replaced; e-mail addresses inside strings too. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, REDACTED);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, depth + 1) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) || PERSONAL_KEY.test(key) ? REDACTED : redact(inner, depth + 1);
  }
  return out;
}
