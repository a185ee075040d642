/** Keys whose values never reach a log line or an audit record. Matched case-insensitively. */
const SECRET_KEY =
  /(pass(word)?|secret|token|authorization|api[-_]?key|x-auth-token|as-api-key|cookie|signature|credential|hmac)/i;
/** Personal data: replaced, not partially masked, so nothing can be reassembled. */
const PERSONAL_KEY =
  /^(e-?mail|emails|customer_?email|phone|phone_?number|smses|street[_-]?\d?|street1|street2|street3|address[_-]?\d?|zip|postal_?code|postcode|first_?name|last_?name|name_on_card|company)$/i;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;
/** Longer strings are cut: a log line or audit row is no place for a 200 kB field. */
export const MAX_REDACTED_STRING = 4_096;

/** Deep copy with secrets and personal data replaced; e-mail addresses inside strings too. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, depth + 1) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const secret = SECRET_KEY.test(key) || PERSONAL_KEY.test(key);
    out[writableKey(key)] = secret ? REDACTED : redact(inner, depth + 1);
  }
  return out;
}

/** Characters no log sink or database column takes: NUL and unpaired UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters looked for
const UNWRITABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cuts the text to `MAX_REDACTED_STRING`, replaces every e-mail address in it, and makes it
 * writable anywhere (an audit row with a NUL in it would fail its whole batch).
 */
export function redactText(text: string): string {
  const bounded =
    text.length > MAX_REDACTED_STRING
      ? `${text.slice(0, MAX_REDACTED_STRING)}…[${text.length - MAX_REDACTED_STRING} more chars]`
      : text;
  return redactEmails(bounded).replace(UNWRITABLE, '\uFFFD');
}

const MAX_KEY = 256;
const writableKey = (key: string) =>
  (key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key).replace(UNWRITABLE, '\uFFFD');

const isLocalChar = (code: number) =>
  isAlnum(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45; // . _ % + -
const isDomainChar = (code: number) => isAlnum(code) || code === 46 || code === 45; // . -
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isAlnum = (code: number) => isLetter(code) || (code >= 48 && code <= 57);

/**
 * Replaces `local@domain.tld` addresses in one linear pass. A regular expression for this
 * backtracks quadratically on long runs without an `@`; here every character is looked at a
 * bounded number of times: a left scan never passes the previous `@`, a right scan never passes
 * the next one.
 */
export function redactEmails(text: string): string {
  let out = '';
  let copied = 0;
  let floor = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && isLocalChar(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && isDomainChar(text.charCodeAt(end))) end += 1;
    floor = at + 1;
    const domainEnd = start < at ? tldEnd(text, at + 1, end) : -1;
    if (domainEnd === -1) continue;
    out += `${text.slice(copied, start)}${REDACTED}`;
    copied = domainEnd;
    floor = domainEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Where `[A-Z0-9.-]+\.[A-Z]{2,}` (greedy) would end inside text[from, to), or -1: the last dot
 * with at least one character before it and two or more letters right after it.
 */
function tldEnd(text: string, from: number, to: number): number {
  let letters = 0;
  // Right to left: `letters` counts the run of letters just after the current position.
  for (let i = to - 1; i > from; i--) {
    const code = text.charCodeAt(i);
    if (code === 46 && letters >= 2) return i + 1 + letters;
    letters = isLetter(code) ? letters + 1 : 0;
  }
  return -1;
}
