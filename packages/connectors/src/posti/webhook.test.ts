import type { InboundWebhook, WebhookConnection } from '../descriptor';
import { POSTI_CALLBACK_MAX_AGE_SEC } from './callback';
import { deliveredEvents, TRACKING_CODE } from './fixtures/events';
import { signParams } from './signing';
import { PostiTrackingEventPayloadSchema, postiWebhook } from './webhook';

const API_KEY = '00000000-0000-0000-0000-000000000000';
const SECRET = '1234567890ABCDEF';
const OTHER_KEY = '11111111-1111-1111-1111-111111111111';

const connection = (credentials: unknown = { apiKey: API_KEY, secret: SECRET }) =>
  ({
    id: 'c1',
    baseUrl: 'https://api.pakettikauppa.fi',
    webhookSecret: 'the-connection-secret-posti-never-sees',
    storeRef: 'store-1',
    settings: {},
    credentials,
  }) satisfies WebhookConnection;

const nowSec = () => Math.floor(Date.now() / 1_000);
const delivered = deliveredEvents[0]!;

/** A callback as Posti (and the simulator's sender) signs it: HMAC over the sorted values. */
function callback(
  options: {
    fields?: Record<string, string>;
    event?: Record<string, unknown>;
    secret?: string;
  } = {},
): InboundWebhook {
  const event = { ...delivered, ...options.event };
  const unsigned: Record<string, string> = {
    api_key: API_KEY,
    tracking_code: String(event.tracking_code),
    timestamp: String(nowSec() - 2),
    event: String(event.status_code),
    object: JSON.stringify(event),
    ...options.fields,
  };
  const params = { ...unsigned, hash: signParams(unsigned, options.secret ?? SECRET) };
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: Buffer.from(new URLSearchParams(params).toString(), 'utf8'),
    pathSecret: undefined,
    toleranceSec: 300,
  };
}

describe('postiWebhook', () => {
  it('answers Posti as it expects and deduplicates per connection', () => {
    expect(postiWebhook).toMatchObject({
      secretInPath: false,
      dedupScope: 'connection',
      acknowledgement: { status: 200, body: { success: true } },
    });
  });

  it('turns a signed callback into a tracking update with a job-safe reference', () => {
    const sentAt = nowSec() - 2;
    const verdict = postiWebhook.handle(
      callback({ fields: { timestamp: String(sentAt) } }),
      connection(),
    );
    const eventRef = `${TRACKING_CODE}_22_2025-03-05_14_02_11`;
    expect(verdict).toEqual({
      ok: true,
      topic: 'tracking.22',
      eventRef,
      orderRef: '20510',
      payload: {
        trackingCode: TRACKING_CODE,
        eventCode: '22',
        sentAt,
        event: expect.objectContaining({
          status_code: '22',
          event_timestamp: '2025-03-05 14:02:11',
          post_office: 'HELSINKI',
        }),
      },
      intent: { kind: 'tracking.updated', trackingRef: TRACKING_CODE, eventRef },
    });
    if (!verdict.ok) throw new Error('accepted');
    expect(PostiTrackingEventPayloadSchema.safeParse(verdict.payload).success).toBe(true);
  });

  it('gives a re-send, stamped anew, the same reference', () => {
    const first = postiWebhook.handle(
      callback({ fields: { timestamp: String(nowSec() - 900) } }),
      connection(),
    );
    const again = postiWebhook.handle(callback(), connection());
    expect(first.ok && again.ok && first.eventRef === again.eventRef).toBe(true);
  });

  it('leaves the order out when the event names none', () => {
    const verdict = postiWebhook.handle(callback({ event: { reference: '' } }), connection());
    expect(verdict.ok).toBe(true);
    expect(verdict).not.toHaveProperty('orderRef');
  });

  it.each([
    ['a wrong signature', callback({ secret: 'not-the-secret' }), 'bad_signature'],
    ['another account', callback({ fields: { api_key: OTHER_KEY } }), 'wrong_account'],
    [
      'a stale timestamp',
      callback({ fields: { timestamp: String(nowSec() - POSTI_CALLBACK_MAX_AGE_SEC - 60) } }),
      'stale_timestamp',
    ],
    [
      'a timestamp from the future',
      callback({ fields: { timestamp: String(nowSec() + 3_600) } }),
      'stale_timestamp',
    ],
  ])('refuses %s as not authentic', (_what, request, code) => {
    expect(postiWebhook.handle(request, connection())).toMatchObject({
      ok: false,
      status: 401,
      code,
    });
  });

  it('refuses a callback signed for another account with its own secret', () => {
    const theirs = callback({ fields: { api_key: OTHER_KEY }, secret: 'FEDCBA0987654321' });
    expect(postiWebhook.handle(theirs, connection())).toMatchObject({ status: 401 });
    // The same bytes are fine for the account they are for.
    expect(
      postiWebhook.handle(theirs, connection({ apiKey: OTHER_KEY, secret: 'FEDCBA0987654321' })),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ['missing', undefined],
    ['empty', {}],
    ['without a secret', { apiKey: API_KEY }],
    ['with a key that is not one', { apiKey: 'nope', secret: SECRET }],
  ])('refuses every callback when the credentials are %s', (_what, credentials) => {
    expect(postiWebhook.handle(callback(), { ...connection(), credentials })).toMatchObject({
      ok: false,
      status: 401,
      code: 'no_credentials',
    });
  });

  it.each([
    ['a tracking code with a slash', { tracking_code: 'JJFI/../1' }],
    ['a tracking code with a space', { tracking_code: 'JJFI 6457' }],
    ['a status code with a colon', { status_code: '2:2' }],
    [
      'a timestamp too long for a job id',
      { event_timestamp: `2025-03-05 14:02:11${'0'.repeat(90)}` },
    ],
  ])('refuses %s as unreadable', (_what, event) => {
    expect(postiWebhook.handle(callback({ event }), connection())).toMatchObject({
      ok: false,
      status: 400,
      code: 'invalid_payload',
    });
  });

  it('passes the callback reader’s own refusals through', () => {
    const unsigned = callback({ fields: { object: 'not json' } });
    expect(postiWebhook.handle(unsigned, connection())).toMatchObject({
      status: 400,
      code: 'malformed_json',
    });
  });
});
