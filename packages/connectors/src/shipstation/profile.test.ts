import { shipStationProfile } from './profile';

describe('shipStationProfile', () => {
  it.each<[Record<string, unknown>, ReturnType<typeof shipStationProfile.readRateLimit>]>([
    [
      { 'x-rate-limit-limit': '40', 'x-rate-limit-remaining': '12', 'x-rate-limit-reset': '37' },
      { limit: 40, remaining: 12, resetMs: 37_000 },
    ],
    [
      { 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '0' },
      { remaining: 0, resetMs: 0 },
    ],
    [{ 'x-rate-limit-remaining': '5' }, undefined],
    [{}, undefined],
  ])('reads the window from %j', (headers, state) => {
    expect(shipStationProfile.readRateLimit(headers)).toEqual(state);
  });

  it.each<[Record<string, unknown>, number | undefined]>([
    [{ 'x-rate-limit-reset': '12' }, 12_000],
    // A reset of 0 s still means "the next window", never "retry at once".
    [{ 'x-rate-limit-reset': '0' }, 1_000],
    [{ 'retry-after': '3' }, 3_000],
    [{}, undefined],
  ])('waits after a 429 with %j', (headers, waitMs) => {
    expect(shipStationProfile.retryAfterMs(headers)).toBe(waitMs);
  });

  it('uses one 40-per-minute budget per key pair', () => {
    expect(shipStationProfile.budget('GET /orders')).toEqual(
      shipStationProfile.budget('POST /orders/createorder'),
    );
    expect(shipStationProfile.budget('GET /shipments').defaults).toEqual({
      limit: 40,
      windowMs: 60_000,
    });
  });

  it.each<[number, unknown, { message: string; reason?: string }]>([
    [
      400,
      {
        Message: 'The request is invalid.',
        ModelState: { 'apiOrder.shipTo.country': ['The country field is required.'] },
      },
      {
        message:
          'The request is invalid. — apiOrder.shipTo.country: The country field is required.',
        reason: 'shipstation.validation',
      },
    ],
    [
      500,
      { Message: 'An error has occurred.', ExceptionMessage: 'Object reference not set' },
      { message: 'An error has occurred. — Object reference not set' },
    ],
    [
      404,
      { Message: 'Order 5 was not found.' },
      { message: 'Order 5 was not found.', reason: 'shipstation.not_found' },
    ],
    [502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { message: '502 Bad Gateway' }],
    [401, '', { message: 'HTTP 401 without an error body' }],
  ])('describes a %i answer', (status, body, described) => {
    expect(shipStationProfile.describeError(status, body)).toEqual(described);
  });
});
