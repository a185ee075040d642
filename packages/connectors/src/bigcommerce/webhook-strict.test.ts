import { signBigCommerceWebhook, verifyBigCommerceWebhook } from './webhook';

/** Altered signatures that a lenient base64 decoder would still read as the valid one. */
describe('BigCommerce signature check is strict', () => {
  const secret = 'client-secret-123';
  const body = Buffer.from('{"scope":"store/order/created"}');
  const nowMs = 1_767_225_600_000;
  const signed = signBigCommerceWebhook({ id: 'wh-1', timestamp: nowMs / 1_000, body, secret });
  const valid = signed['webhook-signature'].slice(3);
  const verify = (signature: string) =>
    verifyBigCommerceWebhook({
      headers: { ...signed, 'webhook-signature': signature },
      rawBody: body,
      secret,
      nowMs,
    });

  it('accepts the exact signature', () => {
    expect(verify(`v1,${valid}`).ok).toBe(true);
  });

  it.each([
    ['bytes appended', `v1,${valid}AAAA`],
    ['padding dropped', `v1,${valid.replace(/=+$/, '')}`],
    ['a character inserted', `v1,${valid.slice(0, 10)}*${valid.slice(10)}`],
    ['whitespace inserted', `v1,${valid.slice(0, 10)} ${valid.slice(10)}`],
    ['url-safe alphabet', `v1,${valid.replace(/\+/g, '-').replace(/\//g, '_')}x`],
    ['data after the padding', `v1,${valid}==`],
  ])('refuses a signature with %s', (_case, signature) => {
    expect(verify(signature)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an oversized webhook id before hashing it', () => {
    const headers = { ...signed, 'webhook-id': 'x'.repeat(200_000) };
    expect(verifyBigCommerceWebhook({ headers, rawBody: body, secret, nowMs }).ok).toBe(false);
  });
});
