import { bigCommerceProfile } from './profile';

describe('bigCommerceProfile', () => {
  it('reads the rate-limit headers in any case', () => {
    expect(
      bigCommerceProfile.readRateLimit({
        'x-rate-limit-requests-left': '37',
        'X-Rate-Limit-Time-Reset-Ms': '12050',
        'X-RATE-LIMIT-REQUESTS-QUOTA': '150',
        'x-rate-limit-time-window-ms': '30000',
      }),
    ).toEqual({ remaining: 37, resetMs: 12_050, limit: 150 });
    expect(
      bigCommerceProfile.readRateLimit({ 'content-type': 'application/json' }),
    ).toBeUndefined();
  });

  it.each([
    [{ 'X-Rate-Limit-Time-Reset-Ms': '4500', 'X-Retry-After': '9' }, 4_500],
    [{ 'x-retry-after': '3' }, 3_000],
    [{ 'retry-after': '2' }, 2_000],
    [{}, undefined],
  ])('asks to wait %p → %p ms', (headers, waitMs) => {
    expect(bigCommerceProfile.retryAfterMs(headers)).toBe(waitMs);
  });

  it('keeps 150 per 30 s with a reserve for the other apps on the store', () => {
    const { defaults } = bigCommerceProfile.budget('GET /v2/orders');
    expect(defaults).toMatchObject({ limit: 150, windowMs: 30_000 });
    expect(defaults.reserve).toBeGreaterThan(0);
    expect(bigCommerceProfile.budget('GET /v3/hooks').bucket).toBe(
      bigCommerceProfile.budget('GET /v2/orders').bucket,
    );
  });

  it.each([
    [
      400,
      [{ status: 400, message: 'Required fields missing [order_address_id]' }],
      'Required fields missing [order_address_id]',
      'bigcommerce.validation',
    ],
    [
      404,
      [{ status: 404, message: 'The requested resource was not found.' }],
      'The requested resource was not found.',
      'bigcommerce.not_found',
    ],
    [
      422,
      {
        status: 422,
        title: 'JSON data is missing or invalid',
        errors: { destination: 'error.path.missing.' },
      },
      'JSON data is missing or invalid; destination: error.path.missing.',
      'bigcommerce.validation',
    ],
    [503, 'Service Unavailable', 'Service Unavailable', undefined],
    [500, undefined, 'HTTP 500', undefined],
  ])('describes a %i', (status, body, message, reason) => {
    expect(bigCommerceProfile.describeError(status, body)).toEqual(
      reason ? { message, reason } : { message },
    );
  });
});
