import { checkBaseUrl } from './base-url';

describe('checkBaseUrl', () => {
  it.each([
    ['https://api.bigcommerce.com', 'https://api.bigcommerce.com'],
    ['https://ssapi.shipstation.com/', 'https://ssapi.shipstation.com'],
    ['https://api.example.com:8443/v1//', 'https://api.example.com:8443/v1'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts %s', (input, url) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['file:///etc/passwd', /https/],
    ['gopher://example.com', /https/],
    ['javascript:alert(1)', /https/],
    ['not a url', /absolute/],
    ['http://api.example.com', /plain http/],
    ['https://user:pass@api.example.com', /credentials/],
    ['https://api.example.com/?x=1', /query/],
    ['https://169.254.169.254/latest/meta-data', /private/],
    ['https://10.0.0.8', /private/],
    ['https://192.168.1.1', /private/],
    ['https://[::ffff:127.0.0.1]', /private/],
    ['https://[fd00::1]', /private/],
    ['https://0.0.0.0', /private/],
    ['https://exa_mple.com', /host name/],
  ])('refuses %s', (input, reason) => {
    const verdict = checkBaseUrl(input);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it('lets an operator allow named internal hosts (simulators on a compose network)', () => {
    const policy = { allowedInternalHosts: ['simulators'] };
    expect(checkBaseUrl('http://simulators:4010', policy)).toEqual({
      ok: true,
      url: 'http://simulators:4010',
    });
    expect(checkBaseUrl('http://other:4010', policy).ok).toBe(false);
  });
});
