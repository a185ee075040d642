import { digest } from '@shiplink/domain';
import type { WebhookConnection } from '../descriptor';
import { afterShip } from './descriptor';
import {
  AFTERSHIP_FIXTURE_WEBHOOK_SECRET,
  afterShipWebhookFixture,
  signedAfterShipWebhookFixture,
} from './fixtures/webhook';
import { signAfterShipWebhook } from './webhook';

const secret = AFTERSHIP_FIXTURE_WEBHOOK_SECRET;
const connection: WebhookConnection = {
  id: '3b9d0c52-8a41-4c5e-9f0e-6d7a1b2c3d4e',
  baseUrl: 'https://api.aftership.com',
  webhookSecret: secret,
  storeRef: 'abc123',
  settings: {},
};
const handler = afterShip.webhook!;

const deliver = (body: Buffer, headers: Record<string, string>) =>
  handler.handle({ headers, rawBody: body, pathSecret: undefined, toleranceSec: 300 }, connection);
/** A body signed with the connection's secret. */
const signedBody = (text: string) => {
  const body = Buffer.from(text);
  return deliver(body, { 'aftership-hmac-sha256': signAfterShipWebhook(body, secret) });
};

describe('afterShip webhook handler', () => {
  it('is reached without a secret in the path and deduplicates per connection', () => {
    expect(handler.secretInPath).toBe(false);
    expect(handler.dedupScope).toBe('connection');
  });

  it('turns a tracking event into a tracking update named by its event id', () => {
    const { headers, body } = signedAfterShipWebhookFixture();
    const { event_id: eventId, msg } = afterShipWebhookFixture;
    expect(deliver(body, headers)).toEqual({
      ok: true,
      topic: 'tracking_update',
      eventRef: eventId,
      payload: JSON.parse(body.toString()),
      orderRef: msg.order_number,
      intent: { kind: 'tracking.updated', trackingRef: msg.id, eventRef: eventId },
    });
  });

  it('names the order by its id when the number is missing', () => {
    const event = { ...afterShipWebhookFixture, msg: { ...afterShipWebhookFixture.msg } };
    event.msg.order_number = null;
    expect(signedBody(JSON.stringify(event))).toMatchObject({
      ok: true,
      orderRef: afterShipWebhookFixture.msg.order_id,
    });
  });

  const withIds = (eventId: string, trackingId = afterShipWebhookFixture.msg.id) =>
    JSON.stringify({
      ...afterShipWebhookFixture,
      event_id: eventId,
      msg: { ...afterShipWebhookFixture.msg, id: trackingId },
    });

  it.each<[string, () => ReturnType<typeof deliver>, number, string]>([
    [
      'no signature',
      () => deliver(signedAfterShipWebhookFixture().body, {}),
      401,
      'missing_signature',
    ],
    [
      'a signature of another secret',
      () => {
        const { headers, body } = signedAfterShipWebhookFixture('other-secret');
        return deliver(body, headers);
      },
      401,
      'bad_signature',
    ],
    ['an empty body', () => signedBody(''), 400, 'malformed_json'],
    ['a body that is not JSON', () => signedBody('{"event":'), 400, 'malformed_json'],
    [
      'a body PostgreSQL cannot store',
      () => signedBody('{"x":"\\u0000"}'),
      422,
      'unstorable_payload',
    ],
    [
      'a body that is not a tracking event',
      () => signedBody('{"event":"x"}'),
      400,
      'invalid_payload',
    ],
    [
      'an event id a job id cannot carry',
      () => signedBody(withIds('a.b:c')),
      400,
      'invalid_payload',
    ],
    [
      'a tracking id a job id cannot carry',
      () => signedBody(withIds('e1', 'x/y')),
      400,
      'invalid_payload',
    ],
  ])('refuses %s', (_what, send, status, code) => {
    expect(send()).toMatchObject({ ok: false, status, code });
  });

  it('says why an event is unreadable', () => {
    expect(signedBody('{"event":"x"}')).toMatchObject({
      message: expect.stringMatching(/^aftership webhook body is not a tracking event: /),
    });
    expect(signedBody(withIds('a.b'))).toMatchObject({
      message: 'unexpected event or tracking id',
    });
  });
});

describe('afterShip secrets and setup', () => {
  const credentials = { apiKey: 'key' };

  it('needs the secret AfterShip shows, and budgets per API key', () => {
    expect(afterShip.secrets(credentials, undefined)).toMatchObject({ ok: false });
    expect(afterShip.secrets(credentials, 'whsec-given-1')).toEqual({
      ok: true,
      webhookSecret: 'whsec-given-1',
      accountKey: digest('key'),
    });
    expect(afterShip.rotateSecret(credentials, undefined)).toMatchObject({ ok: false });
    expect(afterShip.rotateSecret(credentials, 'whsec-given-2')).toEqual({
      ok: true,
      webhookSecret: 'whsec-given-2',
    });
  });

  it('has its webhooks added by hand, and says where', () => {
    expect(afterShip.registerWebhooks).toBeUndefined();
    expect(afterShip.manualWebhookSetup).toMatch(/Settings → Webhooks/);
  });
});
