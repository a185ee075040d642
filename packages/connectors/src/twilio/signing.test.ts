import { formParams, signedUrlVariants, twilioSignature, verifyTwilioSignature } from './signing';

/**
 * The example of Twilio's request-validation docs and SDK tests (twilio-node
 * `spec/validation.spec.js`, twilio-php's validation guide): auth token 12345, this URL and
 * these voice parameters sign as `RSOYDt4T1cUTdK1PDd93/VVr8B8=`.
 */
const DOCUMENTED = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  },
  signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
};

describe('twilioSignature', () => {
  it("computes Twilio's documented example", () => {
    expect(twilioSignature(DOCUMENTED.authToken, DOCUMENTED.url, DOCUMENTED.params)).toBe(
      DOCUMENTED.signature,
    );
  });

  it('sorts the parameters by name, so their order in the body does not matter', () => {
    const reversed = Object.fromEntries(Object.entries(DOCUMENTED.params).reverse());
    expect(twilioSignature(DOCUMENTED.authToken, DOCUMENTED.url, reversed)).toBe(
      DOCUMENTED.signature,
    );
  });
});

describe('verifyTwilioSignature', () => {
  const verify = (overrides: Partial<typeof DOCUMENTED> & { signature?: string | undefined }) =>
    verifyTwilioSignature({ ...DOCUMENTED, ...overrides });

  it('accepts the documented signature', () => {
    expect(verify({})).toBe(true);
  });

  it.each([
    ['another auth token', { authToken: '54321' }],
    ['another URL', { url: 'https://mycompany.com/myapp.php?foo=1&bar=3' }],
    ['a changed parameter', { params: { ...DOCUMENTED.params, Digits: '1235' } }],
    ['an added parameter', { params: { ...DOCUMENTED.params, Extra: '' } }],
    ['a missing signature', { signature: undefined }],
    ['an empty signature', { signature: '' }],
    ['a truncated signature', { signature: DOCUMENTED.signature.slice(0, -2) }],
    ['a signature altered in one character', { signature: `S${DOCUMENTED.signature.slice(1)}` }],
  ])('refuses %s', (_what, overrides) => {
    expect(verify(overrides)).toBe(false);
  });

  it('accepts a URL signed with or without the default port, as Twilio has signed both', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    const signed = twilioSignature('12345', withPort, DOCUMENTED.params);
    expect(verify({ signature: signed })).toBe(true);
    const bare = twilioSignature('12345', DOCUMENTED.url, DOCUMENTED.params);
    expect(verify({ url: withPort, signature: bare })).toBe(true);
  });

  it('lists the port variants of a URL', () => {
    expect(signedUrlVariants('http://127.0.0.1:4107/hook')).toEqual(['http://127.0.0.1:4107/hook']);
    expect(signedUrlVariants('https://hub.example.com/w')).toEqual([
      'https://hub.example.com/w',
      'https://hub.example.com:443/w',
    ]);
  });
});

describe('formParams', () => {
  it('decodes a form body, plus signs as spaces', () => {
    expect(formParams(Buffer.from('Body=Hei+maailma%21&To=%2B358401234567'))).toEqual({
      ok: true,
      params: { Body: 'Hei maailma!', To: '+358401234567' },
    });
  });

  it('refuses a repeated name, whose signed value would be ambiguous', () => {
    expect(formParams(Buffer.from('To=a&To=b'))).toEqual({ ok: false, duplicate: 'To' });
  });
});
