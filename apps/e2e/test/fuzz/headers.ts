import fc from 'fast-check';
import { BAD_SIGNATURE_HEADERS, OVERSIZED_HEADER } from './types';
import { HUGE, LONG_HEADER } from './values';

// ————— Headers and URLs —————

/** Any character a header value can carry (fetch refuses CR, LF and NUL). */
export const headerChar = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((code) => code !== 0x7f)
  .map((code) => String.fromCharCode(code));

export const hostileHeaderValue: fc.Arbitrary<{ label: string; value: string }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .string({ unit: headerChar, minLength: 1, maxLength: 60 })
      .map((value) => ({ label: 'random bytes', value })),
  },
  fc
    .constantFrom('v1,', 'v1', 'v2,abc', ',', 'v1,=', 'v1,====', `v1,${'A'.repeat(44)}`, 'v1,\t')
    .map((value) => ({ label: 'signature-like junk', value })),
  fc.constant({ label: `${LONG_HEADER}-character value`, value: `v1,${'A'.repeat(LONG_HEADER)}` }),
);
const HUGE_HEADER = { label: `${HUGE}-character value`, value: `v1,${'A'.repeat(HUGE)}` };
export const garbledHeader = fc.oneof(
  { weight: 9, arbitrary: hostileHeaderValue },
  fc.constant(HUGE_HEADER),
);
export const refusalOfGarbled = (garbled: { value: string }) =>
  garbled === HUGE_HEADER ? OVERSIZED_HEADER : BAD_SIGNATURE_HEADERS;

/** A base64 signature changed so that it no longer is the signature (a lenient decoder may differ). */
export const tamperedSignature: fc.Arbitrary<{ label: string; apply(signature: string): string }> =
  fc.oneof(
    fc
      .tuple(fc.constantFrom('!', '.', '#', '*', '~', '\t', ',', '=', 'é'), fc.nat())
      .map(([char, at]) => ({
        label: `${JSON.stringify(char)} inserted`,
        apply: (s: string) => {
          const i = 1 + (at % (s.length - 1));
          return s.slice(0, i) + char + s.slice(i);
        },
      })),
    fc.constantFrom('A', '=', '==', 'AAAA', '.').map((tail) => ({
      label: `${JSON.stringify(tail)} appended`,
      apply: (s: string) => s + tail,
    })),
    fc.nat().map((at) => ({
      label: 'one character changed',
      apply: (s: string) => {
        const i = at % s.length;
        return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      },
    })),
    fc.constantFrom(
      { label: 'padding removed', apply: (s: string) => s.replace(/=+$/, '') },
      {
        label: 'spelled as base64url',
        apply: (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      },
      { label: 'spelled as hex', apply: (s: string) => Buffer.from(s, 'base64').toString('hex') },
      { label: 'truncated', apply: (s: string) => s.slice(0, -2) },
    ),
  );

export const notAUuid: fc.Arbitrary<{ label: string; id: string }> = fc.oneof(
  fc
    .constantFrom('-'.repeat(36), 'a'.repeat(36), 'g'.repeat(36))
    .map((id) => ({ label: '36 characters, not a UUID', id })),
  fc
    .stringMatching(/^[g-z]{8}-[g-z]{4}-[g-z]{4}-[g-z]{4}-[g-z]{12}$/)
    .map((id) => ({ label: 'UUID-shaped garbage', id })),
  fc.uuid().map((u) => ({ label: 'UUID with a character more', id: `${u}a` })),
  fc.uuid().map((u) => ({ label: 'UUID with a character less', id: u.slice(0, 35) })),
  fc.uuid().map((u) => ({ label: 'UUID without dashes', id: u.replace(/-/g, '') })),
  fc.uuid().map((u) => ({ label: 'UUID in braces', id: encodeURIComponent(`{${u}}`) })),
  fc
    .constantFrom('0', 'null', '%00', '%zz', '%E0%A4%A', "'%20OR%201=1--")
    .map((id) => ({ label: `odd id ${id}`, id })),
  fc.constant({ label: '5000-character id', id: 'a'.repeat(5_000) }),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 40 })
    .map((raw) => ({ label: 'random unicode id', id: encodeURIComponent(raw) })),
);
