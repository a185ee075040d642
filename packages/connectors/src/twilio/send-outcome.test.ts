import { PermanentError, RateLimitedError, RetryableError } from '@shiplink/errors';
import {
  deliveryStatusOf,
  outcomeOfFailedSend,
  outcomeOfRefusal,
  segmentsOf,
} from './send-outcome';
import { twilioMessageFixture } from './fixtures/message';

const refusal = (code: number, message = 'x') => ({ code, message, status: 400 });

describe('outcomeOfRefusal', () => {
  it('records an opted-out recipient (21610) as refused and opted out', () => {
    expect(outcomeOfRefusal(refusal(21610, 'Attempt to send to unsubscribed recipient'))).toEqual({
      outcome: 'refused',
      reason: 'twilio.21610',
      message: 'Attempt to send to unsubscribed recipient',
      optedOut: true,
    });
  });

  it.each([21211, 21614, 21612, 21408, 21617])('records %s as refused, not opted out', (code) => {
    expect(outcomeOfRefusal(refusal(code))).toMatchObject({
      outcome: 'refused',
      reason: `twilio.${code}`,
      optedOut: false,
    });
  });

  it.each([21606, 21212, 21701, 21705])(
    'throws %s: the sender is wrong for every message',
    (code) => {
      expect(() => outcomeOfRefusal(refusal(code))).toThrow(PermanentError);
    },
  );

  it("throws a 400 without Twilio's body: it came from in front of Twilio", () => {
    expect(() => outcomeOfRefusal(undefined)).toThrow(PermanentError);
  });
});

describe('outcomeOfFailedSend', () => {
  it.each([
    ['a timeout', new RetryableError('timeout of 15000ms exceeded', { reason: 'network' })],
    ['a reset connection', new RetryableError('socket hang up', { reason: 'network' })],
    ['a 503', new RetryableError('x', { status: 503 })],
    ['a 500', new RetryableError('x', { status: 500 })],
    [
      'a 201 we cannot read',
      new PermanentError('x', { status: 201, reason: 'twilio.unexpected_response' }),
    ],
    ['something no classifier knows', new TypeError('boom')],
  ])('%s: unknown (Twilio may have queued it)', (_what, error) => {
    expect(outcomeOfFailedSend(error)).toMatchObject({ outcome: 'unknown' });
  });

  it.each<[string, Error]>([
    [
      'connection refused',
      new RetryableError('connect ECONNREFUSED 127.0.0.1:9', { reason: 'network' }),
    ],
    [
      'no such host',
      new RetryableError('getaddrinfo ENOTFOUND api.twilio.com', { reason: 'network' }),
    ],
    ['a 429', new RateLimitedError('x', 1_000, { status: 429 })],
    [
      'the shared budget spent before the call',
      new RateLimitedError('twilio budget exhausted', 1_000, {
        reason: 'twilio.budget_exhausted',
      }),
    ],
    ['a 401', new PermanentError('x', { status: 401, reason: 'twilio.unauthorized' })],
    ['a 404', new PermanentError('x', { status: 404, reason: 'twilio.20404' })],
  ])('%s: thrown, nothing was made', (_what, error) => {
    expect(() => outcomeOfFailedSend(error)).toThrow(error);
  });
});

describe('deliveryStatusOf', () => {
  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['queued', 'queued'],
    ['sending', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['partially_delivered', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
    ['a_status_from_the_future', 'queued'],
  ])('%s → %s', (status, expected) => {
    expect(deliveryStatusOf(status)).toBe(expected);
  });
});

describe('segmentsOf', () => {
  it("reads the documented example's segment count, and none for a service's 0", () => {
    expect(segmentsOf(twilioMessageFixture)).toBe(1);
    expect(segmentsOf({ ...twilioMessageFixture, num_segments: '0' })).toBeNull();
  });
});
