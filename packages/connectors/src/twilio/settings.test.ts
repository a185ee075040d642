import { TwilioCredentialsSchema } from './credentials';
import { twilio } from './descriptor';
import { TwilioSettingsSchema } from './settings';

const ACCOUNT = { accountSid: `AC${'a1'.repeat(16)}`, authToken: 'f0'.repeat(16) };

describe('TwilioCredentialsSchema', () => {
  it('takes an account SID and auth token, optionally an API key and its secret', () => {
    expect(TwilioCredentialsSchema.safeParse(ACCOUNT).success).toBe(true);
    const withKey = { ...ACCOUNT, apiKeySid: `SK${'b2'.repeat(16)}`, apiKeySecret: 'secret' };
    expect(TwilioCredentialsSchema.safeParse(withKey).success).toBe(true);
  });

  it.each([
    ['a SID that is not an account', { ...ACCOUNT, accountSid: `SK${'a1'.repeat(16)}` }],
    ['the SID pasted as the token', { ...ACCOUNT, authToken: ACCOUNT.accountSid }],
    ['an API key without its secret', { ...ACCOUNT, apiKeySid: `SK${'b2'.repeat(16)}` }],
    ['an unknown field', { ...ACCOUNT, password: 'x' }],
  ])('refuses %s', (_what, credentials) => {
    expect(TwilioCredentialsSchema.safeParse(credentials).success).toBe(false);
  });
});

describe('TwilioSettingsSchema', () => {
  it('sends from a number or a Messaging Service, three segments at most by default', () => {
    expect(TwilioSettingsSchema.parse({ from: '+358457300001' })).toEqual({
      from: '+358457300001',
      maxSegments: 3,
    });
    expect(
      TwilioSettingsSchema.parse({ messagingServiceSid: `MG${'c3'.repeat(16)}`, maxSegments: 1 }),
    ).toMatchObject({ maxSegments: 1 });
  });

  it.each([
    ['neither sender', {}],
    ['both senders', { from: '+358457300001', messagingServiceSid: `MG${'c3'.repeat(16)}` }],
    ['a number that is not E.164', { from: '0457300001' }],
    ['more segments than 1,600 characters make', { from: '+358457300001', maxSegments: 11 }],
    ['quiet hours, which are store policy', { from: '+358457300001', quietHours: '21-08' }],
  ])('refuses %s', (_what, settings) => {
    expect(TwilioSettingsSchema.safeParse(settings).success).toBe(false);
  });
});

describe('twilio descriptor secrets', () => {
  const credentials = TwilioCredentialsSchema.parse(ACCOUNT);

  it('uses the auth token as the webhook secret and the account as the budget key', () => {
    expect(twilio.secrets(credentials, undefined)).toEqual({
      ok: true,
      webhookSecret: ACCOUNT.authToken,
      accountKey: ACCOUNT.accountSid,
    });
    expect(twilio.secrets(credentials, 'something-else')).toMatchObject({ ok: false });
  });

  it('rotates to the promoted auth token, in the credentials too', () => {
    const next = 'e1'.repeat(16);
    expect(twilio.rotateSecret(credentials, next)).toEqual({
      ok: true,
      webhookSecret: next,
      credentials: { ...credentials, authToken: next },
    });
    expect(twilio.rotateSecret(credentials, undefined)).toMatchObject({ ok: false });
  });

  it('plays messaging, with the messages port and poll', () => {
    expect(twilio.roles).toEqual(['messaging']);
    expect(twilio.ports.messages).toBeDefined();
    expect(twilio.polls).toEqual(['messages']);
    expect(twilio.manualWebhookSetup).toMatch(/incoming-message webhook/);
  });

  it('registers by recording the URL each message names as its status callback', async () => {
    const settings = TwilioSettingsSchema.parse({ from: '+358401234567' });
    const url = 'https://hub.example/webhooks/twilio/c1';
    const first = await twilio.registerWebhooks!(undefined as never, url, settings);
    expect(first).toEqual({
      registered: [url],
      existing: [],
      settings: { ...settings, statusCallbackUrl: url },
    });
    const again = await twilio.registerWebhooks!(
      undefined as never,
      url,
      TwilioSettingsSchema.parse(first.settings),
    );
    expect(again).toEqual({ registered: [], existing: [url] });
  });
});

describe('twilio descriptor rotation', () => {
  it('refuses a new secret that is not an auth token', () => {
    const credentials = TwilioCredentialsSchema.parse(ACCOUNT);
    expect(twilio.rotateSecret(credentials, 'not-a-token')).toMatchObject({ ok: false });
  });
});
