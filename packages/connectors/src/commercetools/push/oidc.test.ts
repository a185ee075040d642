import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import {
  FIXTURE_PUSH_AUDIENCE,
  FIXTURE_PUSH_SERVICE_ACCOUNT,
  bearerHeaders,
  generateSigningKey,
  hmacToken,
  publicKeyPem,
  pushTokenClaims,
  signPushToken,
  startJwksServer,
  unsignedToken,
  type JwksServer,
  type SigningKey,
} from './fixtures/google-oidc';
import {
  JWKS_FAILURE_BACKOFF_MS,
  MAX_KEY_SETS,
  cachedKeySetCount,
  forgetPushKeySets,
  hasCachedKeySet,
  pushKeySet,
} from './jwks-cache';
import {
  GOOGLE_ISSUERS,
  bearerToken,
  verifyPushToken,
  type PushTokenExpectation,
  type PushTokenVerdict,
} from './oidc';

const nowSec = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let keyA: SigningKey;
let keyB: SigningKey;
/** Not published. */
let foreignKey: SigningKey;
/** Not published either, but claims to be key A. */
let impostor: SigningKey;
let server: JwksServer;
const servers: JwksServer[] = [];

async function newServer(keys = [keyA.publicJwk, keyB.publicJwk]): Promise<JwksServer> {
  const started = await startJwksServer(keys);
  servers.push(started);
  return started;
}

function expectation(jwksUrl = server.url): PushTokenExpectation {
  return {
    issuers: [...GOOGLE_ISSUERS],
    jwksUrl,
    audience: FIXTURE_PUSH_AUDIENCE,
    serviceAccountEmail: FIXTURE_PUSH_SERVICE_ACCOUNT,
  };
}

async function verify(
  token: string,
  expected = expectation(),
  options?: Parameters<typeof verifyPushToken>[2],
): Promise<PushTokenVerdict> {
  const verdict = await verifyPushToken(bearerHeaders(token), expected, options);
  // Whatever the outcome, the token itself is never echoed back.
  if (token.length > 20) expect(JSON.stringify(verdict)).not.toContain(token);
  return verdict;
}

function codeOf(verdict: PushTokenVerdict): string {
  return verdict.ok ? 'ok' : verdict.code;
}

beforeAll(async () => {
  [keyA, keyB, foreignKey, impostor] = await Promise.all([
    generateSigningKey('key-a'),
    generateSigningKey('key-b'),
    generateSigningKey('key-c'),
    generateSigningKey('key-a'),
  ]);
  server = await newServer();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  forgetPushKeySets();
});

describe('bearerToken', () => {
  it.each<[string, Record<string, string | string[] | undefined>, string | undefined]>([
    ['a bearer token', { authorization: 'Bearer abc.def.ghi' }, 'abc.def.ghi'],
    ['any header case and scheme case', { Authorization: 'bearer   abc.def.ghi ' }, 'abc.def.ghi'],
    ['the first of repeated headers', { authorization: ['Bearer one', 'Bearer two'] }, 'one'],
    ['no header', {}, undefined],
    ['an undefined header', { authorization: undefined }, undefined],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, undefined],
    ['an empty bearer', { authorization: 'Bearer ' }, undefined],
    ['two words', { authorization: 'Bearer a b' }, undefined],
  ])('reads %s', (_case, headers, expected) => {
    expect(bearerToken(headers)).toBe(expected);
  });
});

describe('verifyPushToken', () => {
  it('accepts a token as Pub/Sub sends it and answers its claims', async () => {
    const now = nowSec();
    const verdict = await verify(await signPushToken(keyA, pushTokenClaims(now)));
    expect(verdict).toEqual({
      ok: true,
      claims: {
        iss: 'https://accounts.google.com',
        aud: FIXTURE_PUSH_AUDIENCE,
        email: FIXTURE_PUSH_SERVICE_ACCOUNT,
        sub: '109876543210987654321',
        iat: now,
        exp: now + 3600,
      },
    });
  });

  it('accepts either published key and the issuer without scheme', async () => {
    const claims = pushTokenClaims(nowSec(), { iss: 'accounts.google.com' });
    expect(codeOf(await verify(await signPushToken(keyB, claims)))).toBe('ok');
  });

  it('does not ask for an account when none is expected', async () => {
    const claims = pushTokenClaims(nowSec(), { email: 'someone@else.test', email_verified: false });
    const { serviceAccountEmail: _unused, ...anyAccount } = expectation();
    expect(codeOf(await verify(await signPushToken(keyA, claims), anyAccount))).toBe('ok');
  });

  it('compares the account without regard to case', async () => {
    const claims = pushTokenClaims(nowSec(), { email: FIXTURE_PUSH_SERVICE_ACCOUNT.toUpperCase() });
    expect(codeOf(await verify(await signPushToken(keyA, claims)))).toBe('ok');
  });

  it.each<[string, (now: number) => Record<string, unknown>, string]>([
    [
      'expired beyond the tolerance',
      (now) => ({ iat: now - 3700, exp: now - 100 }),
      'token_expired',
    ],
    [
      'issued in the future beyond the tolerance',
      (now) => ({ iat: now + 300, exp: now + 3900 }),
      'token_expired',
    ],
    ['not valid before a future nbf', (now) => ({ nbf: now + 300 }), 'token_expired'],
    ['for another audience', () => ({ aud: 'https://elsewhere.example/push' }), 'wrong_audience'],
    ['from another issuer', () => ({ iss: 'https://evil.example' }), 'wrong_issuer'],
    [
      'for another service account',
      () => ({ email: 'intruder@evil.iam.gserviceaccount.com' }),
      'wrong_account',
    ],
    ['without an email', () => ({ email: undefined }), 'wrong_account'],
    ['with an unverified email', () => ({ email_verified: false }), 'email_unverified'],
    ['without email_verified', () => ({ email_verified: undefined }), 'email_unverified'],
    ['without exp', () => ({ exp: undefined }), 'malformed_token'],
    ['without iat', () => ({ iat: undefined }), 'malformed_token'],
    ['with a string exp', (now) => ({ exp: String(now + 3600) }), 'malformed_token'],
  ])('refuses a token %s', async (_case, change, code) => {
    const now = nowSec();
    const claims = pushTokenClaims(now, change(now));
    expect(codeOf(await verify(await signPushToken(keyA, claims)))).toBe(code);
  });

  it('allows the clock tolerance either way', async () => {
    const now = nowSec();
    const late = pushTokenClaims(now, { iat: now - 3630, exp: now - 30 });
    const early = pushTokenClaims(now, { iat: now + 30, exp: now + 3630 });
    expect(codeOf(await verify(await signPushToken(keyA, late)))).toBe('ok');
    expect(codeOf(await verify(await signPushToken(keyA, early)))).toBe('ok');
    const strict = { toleranceSec: 0 };
    expect(codeOf(await verify(await signPushToken(keyA, late), expectation(), strict))).toBe(
      'token_expired',
    );
  });

  it('judges validity at the time `now` gives', async () => {
    const issued = Date.UTC(2024, 4, 6, 10, 0, 0) / 1000;
    const token = await signPushToken(keyA, pushTokenClaims(issued));
    const at = (seconds: number) => ({ now: () => new Date(seconds * 1000) });
    expect(codeOf(await verify(token, expectation(), at(issued + 1800)))).toBe('ok');
    expect(codeOf(await verify(token, expectation(), at(issued + 3700)))).toBe('token_expired');
    expect(codeOf(await verify(token, expectation(), at(issued - 600)))).toBe('token_expired');
  });

  it('matches nothing against an empty audience, account or issuer list', async () => {
    const token = await signPushToken(keyA, pushTokenClaims(nowSec(), { aud: '', email: '' }));
    expect(codeOf(await verify(token, { ...expectation(), audience: '' }))).toBe('wrong_audience');
    const emptyAccount = { ...expectation(), serviceAccountEmail: '' };
    expect(codeOf(await verify(token, emptyAccount))).toBe('wrong_account');
    const good = await signPushToken(keyA, pushTokenClaims(nowSec()));
    expect(codeOf(await verify(good, { ...expectation(), issuers: [] }))).toBe('wrong_issuer');
  });

  it('refuses a token signed by a key that is not published', async () => {
    const claims = pushTokenClaims(nowSec());
    expect(codeOf(await verify(await signPushToken(foreignKey, claims)))).toBe('bad_signature');
    expect(codeOf(await verify(await signPushToken(impostor, claims)))).toBe('bad_signature');
  });

  it('refuses a token whose claims were altered after signing', async () => {
    const token = await signPushToken(keyA, pushTokenClaims(nowSec()));
    const [head, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify(pushTokenClaims(nowSec(), { email: 'intruder@evil.test' })),
    ).toString('base64url');
    expect(codeOf(await verify(`${head}.${forged}.${signature}`))).toBe('bad_signature');
  });

  it('refuses alg none and HS256 keyed with the public key, without fetching keys', async () => {
    const own = await newServer();
    const claims = pushTokenClaims(nowSec());
    const none = unsignedToken(claims, keyA.kid);
    const hmac = await hmacToken(claims, await publicKeyPem(keyA), keyA.kid);
    const control = await signPushToken(keyA, claims);
    expect(codeOf(await verify(none, expectation(own.url)))).toBe('bad_signature');
    expect(codeOf(await verify(hmac, expectation(own.url)))).toBe('bad_signature');
    expect(own.requests()).toBe(0);
    expect(codeOf(await verify(control, expectation(own.url)))).toBe('ok');
    expect(own.requests()).toBe(1);
  });

  it('refuses a token without a key id', async () => {
    const token = await new SignJWT(pushTokenClaims(nowSec()))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(keyA.privateKey);
    expect(codeOf(await verify(token))).toBe('malformed_token');
  });

  it.each<[string, Record<string, string>, string]>([
    ['no Authorization header', {}, 'missing_token'],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 'missing_token'],
    ['garbage', { authorization: 'Bearer not-a-jwt' }, 'malformed_token'],
    ['three parts of nothing', { authorization: 'Bearer a.b.c' }, 'malformed_token'],
    ['characters outside base64url', { authorization: 'Bearer a+b.c/d.e=' }, 'malformed_token'],
    [
      'a very long token',
      { authorization: `Bearer ${'a'.repeat(5_000)}.${'b'.repeat(5_000)}.c` },
      'malformed_token',
    ],
  ])('refuses %s', async (_case, headers, code) => {
    expect(codeOf(await verifyPushToken(headers, expectation()))).toBe(code);
  });

  it('fetches the key set once for many tokens', async () => {
    const own = await newServer();
    const expected = expectation(own.url);
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        signPushToken(i % 2 ? keyA : keyB, pushTokenClaims(nowSec(), { sub: `sub-${i}` })),
      ),
    );
    const concurrent = await Promise.all(tokens.map((token) => verify(token, expected)));
    expect(concurrent.map(codeOf)).toEqual(tokens.map(() => 'ok'));
    for (const token of tokens) expect(codeOf(await verify(token, expected))).toBe('ok');
    expect(own.requests()).toBe(1);
  });

  it('does not refetch for a flood of unknown key ids within the cooldown', async () => {
    const own = await newServer();
    const expected = expectation(own.url);
    expect(
      codeOf(await verify(await signPushToken(keyA, pushTokenClaims(nowSec())), expected)),
    ).toBe('ok');
    const forged = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signPushToken(foreignKey, pushTokenClaims(nowSec()), `unknown-${i}`),
      ),
    );
    const verdicts = await Promise.all(forged.map((token) => verify(token, expected)));
    expect(new Set(verdicts.map(codeOf))).toEqual(new Set(['bad_signature']));
    expect(own.requests()).toBe(1);
  });

  describe('when the keys cannot be had', () => {
    it('answers keys_unavailable when nothing listens', async () => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1');
      await once(probe, 'listening');
      const { port } = probe.address() as AddressInfo;
      probe.close();
      await once(probe, 'close');
      const token = await signPushToken(keyA, pushTokenClaims(nowSec()));
      const verdict = await verify(token, expectation(`http://127.0.0.1:${port}/certs`));
      expect(verdict).toMatchObject({ ok: false, code: 'keys_unavailable' });
    });

    it('answers keys_unavailable for a key set URL that is not one', async () => {
      const token = await signPushToken(keyA, pushTokenClaims(nowSec()));
      expect(codeOf(await verify(token, expectation('not a url')))).toBe('keys_unavailable');
      expect(codeOf(await verify(token, expectation('ftp://127.0.0.1/certs')))).toBe(
        'keys_unavailable',
      );
    });

    it.each<['fail' | 'garbage']>([['fail'], ['garbage']])(
      'answers keys_unavailable when the key server answers %s',
      async (behaviour) => {
        const own = await newServer();
        own.behave(behaviour);
        const token = await signPushToken(keyA, pushTokenClaims(nowSec()));
        expect(codeOf(await verify(token, expectation(own.url)))).toBe('keys_unavailable');
      },
    );

    it('gives up on a key server that does not answer within the timeout', async () => {
      const own = await newServer();
      own.behave('hang');
      const token = await signPushToken(keyA, pushTokenClaims(nowSec()));
      const started = Date.now();
      expect(codeOf(await verify(token, expectation(own.url)))).toBe('keys_unavailable');
      expect(Date.now() - started).toBeLessThan(4_000);
    });

    it('waits a moment before trying again, then recovers', async () => {
      const own = await newServer();
      own.behave('fail');
      const token = await signPushToken(keyA, pushTokenClaims(nowSec()));
      const expected = expectation(own.url);
      expect(codeOf(await verify(token, expected))).toBe('keys_unavailable');
      expect(codeOf(await verify(token, expected))).toBe('keys_unavailable');
      expect(own.requests()).toBe(1);
      own.behave('serve');
      await sleep(JWKS_FAILURE_BACKOFF_MS + 100);
      expect(codeOf(await verify(token, expected))).toBe('ok');
      expect(own.requests()).toBe(2);
    });
  });
});

describe('pushKeySet', () => {
  it('keeps a bounded number of key sets, dropping the least recently used', () => {
    forgetPushKeySets();
    const url = (i: number) => `https://keys-${i}.example.test/certs`;
    for (let i = 0; i < MAX_KEY_SETS; i++) pushKeySet(url(i));
    pushKeySet(url(0)); // used again: now the most recent
    pushKeySet(url(MAX_KEY_SETS));
    expect(cachedKeySetCount()).toBe(MAX_KEY_SETS);
    expect(hasCachedKeySet(url(0))).toBe(true);
    expect(hasCachedKeySet(url(1))).toBe(false);
    expect(pushKeySet(url(5))).toBe(pushKeySet(url(5)));
  });
});
