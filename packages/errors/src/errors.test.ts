import {
  PermanentError,
  RateLimitedError,
  RetryableError,
  classifyFailure,
  classifyHttpFailure,
  DEFAULT_RATE_LIMIT_WAIT_MS,
} from './index';

describe('classifyHttpFailure', () => {
  const base = { provider: 'shipstation', endpoint: 'POST /orders/createorder', message: 'x' };

  it.each([
    [undefined, RetryableError],
    [408, RetryableError],
    [500, RetryableError],
    [503, RetryableError],
    [429, RateLimitedError],
    [400, PermanentError],
    [401, PermanentError],
    [404, PermanentError],
    [422, PermanentError],
  ])('status %s → %p', (status, type) => {
    expect(classifyHttpFailure({ ...base, status })).toBeInstanceOf(type);
  });

  it('uses the provider wait on 429 and a fallback without one', () => {
    const withHeader = classifyHttpFailure({ ...base, status: 429, retryAfterMs: 1234 });
    const without = classifyHttpFailure({ ...base, status: 429 });
    expect((withHeader as RateLimitedError).waitMs).toBe(1234);
    expect((without as RateLimitedError).waitMs).toBe(DEFAULT_RATE_LIMIT_WAIT_MS);
  });
});

describe('classifyFailure', () => {
  it('keeps reason codes and treats unknown errors as retryable', () => {
    expect(classifyFailure(new PermanentError('bad', { reason: 'mapping.unmapped_sku' }))).toEqual({
      kind: 'permanent',
      reason: 'mapping.unmapped_sku',
      message: 'bad',
    });
    expect(classifyFailure(new TypeError('boom')).kind).toBe('retryable');
    expect(classifyFailure(new RateLimitedError('slow down', 10.2)).waitMs).toBe(11);
  });
});
