import { PermanentError } from '@shiplink/errors';
import shipNotify from './fixtures/ship-notify.json';
import { assertSameOrigin, parseShipStationWebhook, verifyShipStationToken } from './webhook';

describe('verifyShipStationToken', () => {
  const secret = 'Zr4u-9qP1xv_Tt0Ld8mKc2wYh6sNe3Ba';

  it.each<[string, string, boolean]>([
    [secret, secret, true],
    [`${secret}x`, secret, false],
    [secret.slice(0, -1), secret, false],
    [secret.toLowerCase(), secret, false],
    ['', secret, false],
    ['', '', false],
    [secret, '', false],
  ])('%j against the connection token → %s', (provided, expected, ok) => {
    expect(verifyShipStationToken(provided, expected)).toBe(ok);
  });
});

describe('parseShipStationWebhook', () => {
  const raw = JSON.stringify(shipNotify);

  it.each([
    ['raw bytes', Buffer.from(raw)],
    ['text', raw],
    ['parsed JSON', shipNotify],
  ])('reads a SHIP_NOTIFY from %s', (_kind, body) => {
    expect(parseShipStationWebhook(body)).toEqual({ success: true, data: shipNotify });
  });

  it('keeps fields it does not know', () => {
    expect(parseShipStationWebhook({ ...shipNotify, extra: 1 }).data).toMatchObject({ extra: 1 });
  });

  it.each([
    ['not JSON', 'resource_url=x'],
    ['no resource_url', { resource_type: 'SHIP_NOTIFY' }],
    ['no resource_type', { resource_url: shipNotify.resource_url }],
    ['a relative URL', { ...shipNotify, resource_url: '/shipments?batchId=1' }],
    ['a file URL', { ...shipNotify, resource_url: 'file:///etc/passwd' }],
    ['an array', [shipNotify]],
  ])('rejects %s with the issues named', (_kind, body) => {
    const parsed = parseShipStationWebhook(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.length).toBeGreaterThan(0);
  });
});

describe('assertSameOrigin', () => {
  const base = 'https://ssapi.shipstation.com';

  it.each([
    'https://ssapi.shipstation.com/shipments?batchId=100412&includeShipmentItems=False',
    'https://SSAPI.shipstation.com:443/shipments?batchId=1',
  ])('accepts %s', (url) => {
    expect(assertSameOrigin(url, `${base}/`).origin).toBe(base);
  });

  it.each([
    'https://ssapi.shipstation.com.evil.example/shipments',
    'http://ssapi.shipstation.com/shipments',
    'https://ssapi.shipstation.com:8443/shipments',
    'https://user:pw@ssapi.shipstation.com/shipments',
    'https://api.shipstation.com/v2/shipments',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s without sending credentials there', (url) => {
    try {
      assertSameOrigin(url, base);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(PermanentError);
      expect((error as PermanentError).reason).toBe('shipstation.foreign_resource_url');
    }
  });
});
