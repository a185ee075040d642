import { postiErrorMessage, postiProfile } from './profile';

describe('postiProfile', () => {
  it.each([
    [{ success: false, message: 'Invalid hash' }, 'Invalid hash'],
    [{ success: false, error: 'Unknown tracking code' }, 'Unknown tracking code'],
    [{ errors: ['a', 'b'] }, 'a; b'],
    [
      '<Response><response.status>230</response.status><response.message>XML is invalid</response.message></Response>',
      'XML is invalid',
    ],
    ['Bad Gateway', 'Bad Gateway'],
    [{ success: false }, undefined],
    [undefined, undefined],
  ])('reads the message of %p', (body, message) => {
    expect(postiErrorMessage(body)).toBe(message);
  });

  it('names unauthorized answers and falls back to the status', () => {
    expect(postiProfile.describeError(403, { success: false, message: 'Forbidden' })).toEqual({
      message: 'Forbidden',
      reason: 'posti.unauthorized',
    });
    expect(postiProfile.describeError(502, '')).toEqual({ message: 'HTTP 502' });
  });

  it('keeps Prinetti, checkout’s pickup lookups and the other calls in separate local budgets', () => {
    expect(postiProfile.budget('POST /prinetti/create-shipment')).toEqual({
      bucket: 'prinetti',
      defaults: { limit: 20, windowMs: 1_000 },
    });
    expect(postiProfile.budget('POST /pickup-points/search')).toEqual({
      bucket: 'pickup',
      defaults: { limit: 50, windowMs: 1_000 },
    });
    expect(postiProfile.budget('POST /shipment/status')).toEqual({
      bucket: 'api',
      defaults: { limit: 10, windowMs: 1_000 },
    });
    expect(postiProfile.retryAfterMs({ 'retry-after': '3' })).toBe(3_000);
    expect(postiProfile.readRateLimit({})).toBeUndefined();
  });
});
