import { PermanentError, RateLimitedError, RetryableError } from '@shiplink/errors';
import { outcomeOfFailedCreate } from './create-outcome';

const http = (status: number | undefined, message = 'x', reason?: string) =>
  status === undefined
    ? new RetryableError(message, { reason: reason ?? 'network' })
    : status >= 500 || status === 408
      ? new RetryableError(message, { status, ...(reason ? { reason } : {}) })
      : new PermanentError(message, { status, ...(reason ? { reason } : {}) });

describe('outcomeOfFailedCreate', () => {
  it.each([
    ['a timeout', http(undefined, 'timeout of 30000ms exceeded')],
    ['a reset connection', http(undefined, 'socket hang up')],
    ['a 503 from in front of Posti', http(503)],
    ['a 408', http(408)],
    [
      'a body that is not a Prinetti response',
      new RetryableError('x', { reason: 'posti.unreadable_response' }),
    ],
    ['OK without tracking codes', new PermanentError('x', { reason: 'posti.no_tracking_codes' })],
    ['something no classifier knows', new TypeError('boom')],
  ])('%s: unknown (the consignment may exist)', (_what, error) => {
    expect(outcomeOfFailedCreate(error)).toMatchObject({ outcome: 'unknown' });
  });

  it.each([
    ['Prinetti 230 (invalid document)', new PermanentError('x', { reason: 'posti.prinetti_230' })],
    ['an undocumented Prinetti status', new PermanentError('x', { reason: 'posti.prinetti_999' })],
    ['a 400', http(400)],
  ])('%s: refused', (_what, error) => {
    expect(outcomeOfFailedCreate(error)).toMatchObject({ outcome: 'refused' });
  });

  it.each([
    ['connection refused', http(undefined, 'connect ECONNREFUSED 127.0.0.1:9')],
    ['no such host', http(undefined, 'getaddrinfo ENOTFOUND api.pakettikauppa.fi')],
    ['Prinetti 240', new RetryableError('x', { reason: 'posti.prinetti_240' })],
    ['Prinetti 100', new RetryableError('x', { reason: 'posti.prinetti_100' })],
    ['a 429', new RateLimitedError('x', 1_000, { status: 429 })],
    ['a 401', http(401, 'x', 'posti.unauthorized')],
  ])('%s: thrown, nothing was made', (_what, error) => {
    expect(() => outcomeOfFailedCreate(error)).toThrow(error);
  });
});
