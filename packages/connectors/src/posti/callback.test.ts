import { deliveredEvents, TRACKING_CODE } from './fixtures/events';
import {
  POSTI_CALLBACK_ACKNOWLEDGEMENT,
  POSTI_CALLBACK_MAX_AGE_SEC,
  readPostiCallback,
} from './callback';
import { signParams } from './signing';

const API_KEY = '00000000-0000-0000-0000-000000000000';
const SECRET = '1234567890ABCDEF';
const NOW_MS = Date.parse('2025-03-05T12:05:00Z');
const NOW_SEC = Math.floor(NOW_MS / 1000);

function body(overrides: Record<string, string | undefined> = {}, sign = true): Buffer {
  const fields: Record<string, string> = {};
  const base: Record<string, string | undefined> = {
    api_key: API_KEY,
    tracking_code: TRACKING_CODE,
    timestamp: String(NOW_SEC - 2),
    event: '22',
    object: JSON.stringify(deliveredEvents[0]),
    ...overrides,
  };
  for (const [name, value] of Object.entries(base)) if (value !== undefined) fields[name] = value;
  if (sign && !('hash' in overrides)) fields.hash = signParams(fields, SECRET);
  return Buffer.from(new URLSearchParams(fields).toString(), 'utf8');
}

const read = (rawBody: Buffer, extra: Partial<Parameters<typeof readPostiCallback>[0]> = {}) =>
  readPostiCallback({ rawBody, secret: SECRET, apiKey: API_KEY, nowMs: NOW_MS, ...extra });

describe('readPostiCallback', () => {
  it('accepts a signed status event and names it stably', () => {
    const verdict = read(body());
    expect(verdict).toMatchObject({
      ok: true,
      trackingCode: TRACKING_CODE,
      eventCode: '22',
      eventRef: `${TRACKING_CODE}:22:2025-03-05 14:02:11`,
      sentAt: NOW_SEC - 2,
      event: { status_code: '22', post_office: 'HELSINKI', event_timestamp: '2025-03-05 14:02:11' },
    });
  });

  it('gives a re-send fifteen minutes later the same event reference', () => {
    const first = read(body({ timestamp: String(NOW_SEC - 900) }));
    const again = read(body());
    expect(first.ok && again.ok && first.eventRef === again.eventRef).toBe(true);
  });

  it('ignores unsigned extra fields', () => {
    const signed = body();
    const extended = Buffer.concat([signed, Buffer.from('&note=hello')]);
    expect(read(extended).ok).toBe(true);
  });

  it.each([
    ['no hash', body({}, false), 401, 'missing_signature'],
    ['a wrong hash', body({ hash: 'a'.repeat(64) }), 401, 'bad_signature'],
    ['a hash that is not hex', body({ hash: 'not-a-hash' }), 401, 'bad_signature'],
    [
      'a body changed after signing',
      Buffer.from(body().toString().replace('event=22', 'event=77')),
      401,
      'bad_signature',
    ],
    [
      'another account',
      body({ api_key: '11111111-1111-1111-1111-111111111111' }),
      401,
      'wrong_account',
    ],
    [
      'a timestamp older than a day',
      body({ timestamp: String(NOW_SEC - POSTI_CALLBACK_MAX_AGE_SEC - 1) }),
      401,
      'stale_timestamp',
    ],
    [
      'a timestamp from the future',
      body({ timestamp: String(NOW_SEC + 3600) }),
      401,
      'stale_timestamp',
    ],
    [
      'a timestamp that is not unix seconds',
      body({ timestamp: '2025-03-05' }),
      400,
      'invalid_timestamp',
    ],
    ['a missing object', body({ object: undefined }), 400, 'missing_fields'],
    ['an object that is not JSON', body({ object: '{"status_code":' }), 400, 'malformed_json'],
    [
      'an object that is not an event',
      body({ object: JSON.stringify({ hello: 'world' }) }),
      400,
      'invalid_payload',
    ],
    ['an event for another code', body({ event: '77' }), 400, 'inconsistent_payload'],
    [
      'an event for another parcel',
      body({ tracking_code: 'JJFI000' }),
      400,
      'inconsistent_payload',
    ],
    [
      'an event without a time',
      body({ object: JSON.stringify({ ...deliveredEvents[0], event_timestamp: '' }) }),
      400,
      'invalid_payload',
    ],
    ['a repeated field', Buffer.concat([body(), Buffer.from('&event=22')]), 400, 'duplicate_field'],
    ['an empty body', Buffer.alloc(0), 400, 'empty_body'],
  ])('refuses %s', (_, rawBody, status, code) => {
    expect(read(rawBody)).toMatchObject({ ok: false, status, code });
  });

  it('checks the account only when the connection names one', () => {
    expect(read(body(), { apiKey: undefined }).ok).toBe(true);
  });

  it('answers Posti the way it expects', () => {
    expect(POSTI_CALLBACK_ACKNOWLEDGEMENT).toEqual({ status: 200, body: { success: true } });
  });
});
