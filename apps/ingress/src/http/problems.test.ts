import {
  classifyHttpFailure,
  PermanentError,
  RateLimitedError,
  RetryableError,
} from '@shiplink/errors';
import { HttpProblem, toProblem } from './problems';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('toProblem', () => {
  it.each([
    [
      "a provider's 401 during a call we made",
      classifyHttpFailure({
        provider: 'bigcommerce',
        endpoint: 'GET /v3/hooks',
        status: 401,
        message: 'bigcommerce answered 401: invalid token',
      }),
      502,
      'provider_error',
    ],
    [
      "a provider's 5xx",
      new RetryableError('shipstation answered 503', { provider: 'shipstation', status: 503 }),
      502,
      'provider_error',
    ],
    [
      "a provider's rate limit",
      new RateLimitedError('slow down', 12_500, { provider: 'shipstation', status: 429 }),
      503,
      'provider_rate_limited',
    ],
    [
      'PostgreSQL shutting down',
      withCode('57P01', 'terminating connection due to administrator command'),
      503,
      'service_unavailable',
    ],
    ['Redis away', new Error('Connection is closed.'), 503, 'service_unavailable'],
    [
      'an unsupported body encoding',
      Object.assign(new Error('unsupported'), {
        type: 'encoding.unsupported',
        status: 415,
        expose: true,
      }),
      415,
      'unsupported_encoding',
    ],
    [
      'a compressed body that does not decompress',
      Object.assign(new Error('incorrect header check'), { status: 400, expose: true }),
      400,
      'bad_request',
    ],
    [
      'an undecodable path parameter',
      Object.assign(new URIError("Failed to decode param '%zz'"), { status: 400 }),
      400,
      'malformed_url',
    ],
  ])('maps %s to %i %s', (_case, error, status, code) => {
    const problem = toProblem(error);
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(problem?.status).toBe(status);
    expect(problem?.code).toBe(code);
    if (status === 503) expect(problem?.retryAfterSec).toBeGreaterThan(0);
  });

  it('never passes a status of an internal error through as our own', () => {
    // A classified error without a provider, or any error carrying a `status`, is a bug: 500.
    expect(toProblem(new PermanentError('mapping failed', { status: 401 }))).toBeUndefined();
    expect(toProblem(Object.assign(new Error('x'), { status: 401 }))).toBeUndefined();
  });

  it('waits as long as the provider asked before a retry', () => {
    const problem = toProblem(
      new RateLimitedError('slow down', 12_500, { provider: 'shipstation', status: 429 }),
    );
    expect(problem?.retryAfterSec).toBe(12.5);
  });
});
