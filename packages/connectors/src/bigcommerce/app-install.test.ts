import { createHmac } from 'node:crypto';
import { PermanentError } from '@shiplink/errors';
import type { AppRegistration } from '../app-install';
import { bigCommerceAppInstall } from './app-install';
import { MAX_APP_JWT_LENGTH, signBigCommerceAppJwt } from './app-jwt';
import { bigCommerce } from './descriptor';

const app: AppRegistration = {
  clientId: 'hub-client-id',
  clientSecret: 'hub-client-secret',
  loginUrl: 'http://127.0.0.1:9',
  apiUrl: 'https://api.bigcommerce.com',
  redirectUri: 'https://hub.example.org/apps/bigcommerce/auth',
};
const NOW_MS = 1_700_000_000_000;
const nowSec = NOW_MS / 1_000;

const claims = (overrides: Record<string, unknown> = {}) => ({
  aud: app.clientId,
  iss: 'bc',
  iat: nowSec,
  nbf: nowSec - 5,
  exp: nowSec + 86_400,
  jti: '4e2cbb43-9c4b-4a4c-a2f3-0e6f9d3a1b11',
  sub: 'stores/abc123',
  user: { id: 9_876, email: 'clerk@example.com', locale: 'en-US' },
  owner: { id: 1_234, email: 'owner@example.com' },
  url: '/',
  channel_id: 1,
  ...overrides,
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret: string) =>
  createHmac('sha256', secret).update(input).digest('base64url');
/** A token with any header, signed (or not) as the caller says. */
const forged = (header: unknown, payload: unknown, secret = app.clientSecret) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${hs256(input, secret)}`;
};

const verify = (token: unknown, nowMs = NOW_MS, registration = app) =>
  bigCommerceAppInstall.verifyLaunch(registration, { signed_payload_jwt: token }, nowMs);

describe('bigCommerceAppInstall.verifyLaunch', () => {
  it('accepts a payload signed with the client secret, naming the store and its people', () => {
    expect(verify(signBigCommerceAppJwt(claims(), app.clientSecret))).toEqual({
      ok: true,
      launch: {
        storeRef: 'abc123',
        user: { ref: '9876', email: 'clerk@example.com', locale: 'en-US' },
        owner: { ref: '1234', email: 'owner@example.com' },
      },
    });
  });

  it('allows a minute of clock difference either way', () => {
    const token = signBigCommerceAppJwt(claims({ exp: nowSec - 30 }), app.clientSecret);
    expect(verify(token).ok).toBe(true);
    const early = signBigCommerceAppJwt(claims({ nbf: nowSec + 30 }), app.clientSecret);
    expect(verify(early).ok).toBe(true);
  });

  const signed = signBigCommerceAppJwt(claims(), app.clientSecret);
  const [header = '', payload = '', signature = ''] = signed.split('.');
  const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;

  it.each<[string, unknown, string]>([
    ['no payload', undefined, 'missing_payload'],
    ['an empty payload', '', 'missing_payload'],
    ['a repeated query parameter', [signed, signed], 'missing_payload'],
    ['garbage', 'not a token', 'malformed'],
    ['two segments', `${header}.${payload}`, 'malformed'],
    ['a header that is not JSON', `${b64('x').slice(0, 3)}.${payload}.${signature}`, 'malformed'],
    ['a huge token', `${header}.${'A'.repeat(MAX_APP_JWT_LENGTH)}.${signature}`, 'too_large'],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'malformed'],
    ['alg none with a signature', forged({ alg: 'none' }, claims()), 'unsupported_alg'],
    ['alg HS512', forged({ alg: 'HS512' }, claims()), 'unsupported_alg'],
    [
      'an unknown critical header',
      forged({ alg: 'HS256', crit: ['b64'] }, claims()),
      'unsupported_alg',
    ],
    ['another key', signBigCommerceAppJwt(claims(), 'another-secret'), 'bad_signature'],
    [
      'a tampered payload',
      `${header}.${b64(claims({ sub: 'stores/zzz999' }))}.${signature}`,
      'bad_signature',
    ],
    ['an altered signature', `${header}.${payload}.${flipped}`, 'bad_signature'],
    ['a signature with padding', `${header}.${payload}.${signature}=`, 'malformed'],
    ['claims that are not an object', forged({ alg: 'HS256' }, [1, 2]), 'malformed'],
    [
      'claims without the store owner',
      forged({ alg: 'HS256' }, claims({ owner: undefined })),
      'bad_claims',
    ],
    ['another audience', forged({ alg: 'HS256' }, claims({ aud: 'other-app' })), 'wrong_audience'],
    ['another issuer', forged({ alg: 'HS256' }, claims({ iss: 'evil' })), 'wrong_issuer'],
    [
      'a subject that is no store',
      forged({ alg: 'HS256' }, claims({ sub: 'abc123' })),
      'bad_subject',
    ],
    ['an expired payload', forged({ alg: 'HS256' }, claims({ exp: nowSec - 61 })), 'expired'],
    [
      'a payload not valid yet',
      forged({ alg: 'HS256' }, claims({ nbf: nowSec + 120 })),
      'not_yet_valid',
    ],
    [
      'a payload from the future',
      forged({ alg: 'HS256' }, claims({ iat: nowSec + 120 })),
      'issued_in_future',
    ],
  ])('refuses %s', (_what, token, reason) => {
    expect(verify(token)).toEqual({ ok: false, reason });
  });

  it('accepts an audience list that names the app', () => {
    const token = forged({ alg: 'HS256', typ: 'JWT' }, claims({ aud: ['other', app.clientId] }));
    expect(verify(token).ok).toBe(true);
  });

  it('refuses everything without a secret or a clock to check against', () => {
    const unsigned = forged({ alg: 'HS256' }, claims(), '');
    expect(verify(unsigned, NOW_MS, { ...app, clientSecret: '' })).toEqual({
      ok: false,
      reason: 'app_not_configured',
    });
    expect(verify(signed, Number.NaN)).toEqual({ ok: false, reason: 'no_clock' });
  });
});

describe('bigCommerceAppInstall.install', () => {
  it.each([
    ['no code', { scope: 'store_v2_orders', context: 'stores/abc123' }],
    ['a context that is no store', { code: 'c', scope: 's', context: 'abc123' }],
    ['a store hash with a path in it', { code: 'c', scope: 's', context: 'stores/abc/../x' }],
    ['a repeated code', { code: ['a', 'b'], scope: 's', context: 'stores/abc123' }],
  ])('refuses an auth callback with %s before calling BigCommerce', async (_what, query) => {
    const attempt = bigCommerceAppInstall.install(app, query);
    await expect(attempt).rejects.toBeInstanceOf(PermanentError);
    await expect(attempt).rejects.toMatchObject({ reason: 'app.bad_callback' });
  });

  it('is what the BigCommerce descriptor installs with', () => {
    expect(bigCommerce.appInstall).toBe(bigCommerceAppInstall);
  });
});
