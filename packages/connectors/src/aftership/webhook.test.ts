import { PermanentError } from '@shiplink/errors';
import {
  AFTERSHIP_FIXTURE_WEBHOOK_SECRET,
  afterShipWebhookFixture,
  signedAfterShipWebhookFixture,
} from './fixtures/webhook';
import { parseAfterShipWebhook, signAfterShipWebhook, verifyAfterShipWebhook } from './webhook';

const secret = AFTERSHIP_FIXTURE_WEBHOOK_SECRET;

describe('verifyAfterShipWebhook', () => {
  const { headers, body } = signedAfterShipWebhookFixture();
  const signature = headers['aftership-hmac-sha256']!;

  it('accepts the signature over the raw bytes', () => {
    expect(verifyAfterShipWebhook({ headers, rawBody: body, secret })).toEqual({ ok: true });
  });

  it('matches a known HMAC-SHA256 base64 value', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac key -binary | base64
    expect(signAfterShipWebhook('{"a":1}', 'key')).toBe(
      'iKZ/JLvNrtDmyZdAS7eadDuvRMa6svTCcyjjAJ0i40I=',
    );
  });

  it.each<[string, Record<string, unknown>, Buffer, string, string]>([
    ['no header', { 'content-type': 'application/json' }, body, secret, 'missing_signature'],
    ['an empty header', { 'aftership-hmac-sha256': '' }, body, secret, 'missing_signature'],
    ['a tampered body', headers, Buffer.concat([body, Buffer.from(' ')]), secret, 'bad_signature'],
    [
      're-serialized JSON',
      headers,
      Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2)),
      secret,
      'bad_signature',
    ],
    ['another secret', headers, body, 'other-secret', 'bad_signature'],
    [
      'a truncated signature',
      { 'aftership-hmac-sha256': signature.slice(0, 20) },
      body,
      secret,
      'bad_signature',
    ],
    ['trailing junk', { 'aftership-hmac-sha256': `${signature}!!` }, body, secret, 'bad_signature'],
    [
      'a hex signature',
      { 'aftership-hmac-sha256': Buffer.from(signature, 'base64').toString('hex') },
      body,
      secret,
      'bad_signature',
    ],
  ])('rejects %s', (_name, given, rawBody, key, reason) => {
    expect(verifyAfterShipWebhook({ headers: given, rawBody, secret: key })).toEqual({
      ok: false,
      reason,
    });
  });

  it('reads the header whatever its case, and the first of repeated ones', () => {
    expect(
      verifyAfterShipWebhook({
        headers: { 'AfterShip-Hmac-SHA256': [signature, 'x'] },
        rawBody: body,
        secret,
      }),
    ).toEqual({ ok: true });
  });
});

describe('parseAfterShipWebhook', () => {
  it('parses a tracking_update and keeps unknown fields', () => {
    const parsed = parseAfterShipWebhook({ ...afterShipWebhookFixture, extra: 1 });
    expect(parsed.event_id).toBe('3b9d0c52-8a41-4c5e-9f0e-6d7a1b2c3d4e');
    expect(parsed.msg.subtag).toBe('Exception_011');
    expect((parsed as Record<string, unknown>).extra).toBe(1);
  });

  it.each<[string, unknown]>([
    ['a non-object', 'hello'],
    ['a missing event_id', { ...afterShipWebhookFixture, event_id: undefined }],
    [
      'a legacy-shaped msg',
      { ...afterShipWebhookFixture, msg: { tracking: afterShipWebhookFixture.msg } },
    ],
  ])('rejects %s permanently', (_name, body) => {
    expect(() => parseAfterShipWebhook(body)).toThrow(PermanentError);
  });
});
