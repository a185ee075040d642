import type { InboundWebhook, WebhookConnection, WebhookVerdict } from '../descriptor';
import { SimulatorControl } from '../testing/control';
import { createTwilioClient } from './client';
import { twilio } from './descriptor';
import {
  signedTwilioFixture,
  TWILIO_FIXTURE_ACCOUNT_SID,
  TWILIO_FIXTURE_AUTH_TOKEN,
  TWILIO_FIXTURE_URL,
  twilioStatusCallbackFixture,
  twilioStopFixture,
} from './fixtures/webhook';
import { twilioMessages } from './ports';
import { TwilioSettingsSchema } from './settings';
import { TWILIO_SIGNATURE_HEADER, twilioSignature } from './signing';
import { startTwilioSimulator, type RunningTwilioSimulator } from './simulator';
import { openAccount, WebhookReceiver, type OpenedTwilioAccount } from './simulator/test-support';
import { keywordOf } from './keywords';
import { twilioIntentOf } from './webhook';

const handler = twilio.webhook!;

const fixtureConnection: WebhookConnection = {
  id: 'c0a80101-0000-4000-8000-00000000b001',
  baseUrl: 'https://api.twilio.com',
  webhookSecret: TWILIO_FIXTURE_AUTH_TOKEN,
  storeRef: 'store-1',
  settings: { from: '+358457300001' },
  credentials: { accountSid: TWILIO_FIXTURE_ACCOUNT_SID, authToken: TWILIO_FIXTURE_AUTH_TOKEN },
  webhookUrl: TWILIO_FIXTURE_URL,
};

const handle = (
  request: { headers: InboundWebhook['headers']; body: Buffer },
  connection: WebhookConnection = fixtureConnection,
): WebhookVerdict =>
  handler.handle(
    { headers: request.headers, rawBody: request.body, pathSecret: undefined, toleranceSec: 300 },
    connection,
  );

/** Signed as Twilio would sign `params` for the fixture connection. */
const signed = (params: Record<string, string>) => signedTwilioFixture(params);

function accepted(verdict: WebhookVerdict) {
  if (!verdict.ok) throw new Error(`refused ${verdict.status} ${verdict.code}: ${verdict.message}`);
  return verdict;
}

describe('twilio webhook handler (fixtures)', () => {
  it('accepts a status callback: topic, MessageSid + status as the reference, and its intent', () => {
    const verdict = accepted(handle(signed(twilioStatusCallbackFixture)));
    expect(verdict).toMatchObject({
      ok: true,
      topic: 'message.delivered',
      eventRef: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-delivered',
      payload: {
        type: 'status',
        messageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        accountSid: TWILIO_FIXTURE_ACCOUNT_SID,
        status: 'delivered',
        errorCode: null,
        to: '+358401234567',
      },
    });
    expect(twilioIntentOf(verdict.payload)).toEqual({
      kind: 'message.status',
      providerRef: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      status: 'delivered',
      errorCode: null,
    });
    expect(verdict.intent).toEqual(twilioIntentOf(verdict.payload));
  });

  it('reads an undelivered callback’s error code', () => {
    const params = {
      ...twilioStatusCallbackFixture,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    };
    const verdict = accepted(handle(signed(params)));
    expect(verdict.payload).toMatchObject({ status: 'undelivered', errorCode: 30003 });
    expect(twilioIntentOf(verdict.payload)).toMatchObject({
      status: 'undelivered',
      errorCode: 30003,
    });
  });

  it('accepts an incoming STOP as an opt-out of the sender, keeping no message text', () => {
    const verdict = accepted(handle(signed(twilioStopFixture)));
    expect(verdict).toMatchObject({
      topic: 'message.opt-out',
      eventRef: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      payload: { type: 'inbound', from: '+358401234567', keyword: 'STOP' },
    });
    expect(JSON.stringify(verdict.payload)).not.toContain('Stop');
    expect(twilioIntentOf(verdict.payload)).toEqual({
      kind: 'message.opt-out',
      recipient: '+358401234567',
      optedOut: true,
    });
  });

  it('reads START as opting back in, and HELP or other replies as no work', () => {
    const start = accepted(
      handle(signed({ ...twilioStopFixture, Body: 'Start', OptOutType: 'START' })),
    );
    expect(start.topic).toBe('message.opt-in');
    expect(twilioIntentOf(start.payload)).toMatchObject({
      kind: 'message.opt-out',
      optedOut: false,
    });
    const help = accepted(
      handle(signed({ ...twilioStopFixture, Body: 'help', OptOutType: 'HELP' })),
    );
    expect(help.topic).toBe('message.help');
    expect(twilioIntentOf(help.payload)).toBeUndefined();
    expect(help.intent).toBeUndefined();
    const plain: Record<string, string> = { ...twilioStopFixture, Body: 'Kiitos!' };
    delete plain.OptOutType;
    const other = accepted(handle(signed(plain)));
    expect(other.topic).toBe('message.inbound');
    expect(twilioIntentOf(other.payload)).toBeUndefined();
  });

  it('falls back to Twilio’s default keywords where no OptOutType comes (a bare number)', () => {
    expect(keywordOf(undefined, ' unsubscribe ')).toBe('STOP');
    expect(keywordOf(undefined, 'UNSTOP')).toBe('START');
    expect(keywordOf(undefined, 'please stop')).toBeNull();
    expect(keywordOf('STOP', 'lopeta')).toBe('STOP');
  });

  it.each([
    ['no signature', () => ({ ...signed(twilioStatusCallbackFixture), headers: {} })],
    [
      'a body altered in one character',
      () => {
        const request = signed(twilioStatusCallbackFixture);
        return {
          ...request,
          body: Buffer.from(request.body.toString().replace('delivered', 'deliverex')),
        };
      },
    ],
    ['another auth token', () => signedTwilioFixture(twilioStatusCallbackFixture, 'f'.repeat(32))],
    [
      'another URL',
      () =>
        signedTwilioFixture(
          twilioStatusCallbackFixture,
          TWILIO_FIXTURE_AUTH_TOKEN,
          `${TWILIO_FIXTURE_URL}x`,
        ),
    ],
    [
      'another account, signed with this token',
      () => signed({ ...twilioStatusCallbackFixture, AccountSid: `AC${'9'.repeat(32)}` }),
    ],
  ])('refuses %s with 401', (_what, request) => {
    expect(handle(request())).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses without the URL Twilio signed or the credentials that sign', () => {
    const request = signed(twilioStatusCallbackFixture);
    const { webhookUrl: _url, ...noUrl } = fixtureConnection;
    expect(handle(request, noUrl)).toMatchObject({
      ok: false,
      status: 401,
      code: 'no_webhook_url',
    });
    expect(handle(request, { ...fixtureConnection, credentials: {} })).toMatchObject({
      ok: false,
      status: 401,
      code: 'no_credentials',
    });
  });

  it.each([
    ['an empty body', {}],
    ['neither a callback nor a message', { AccountSid: TWILIO_FIXTURE_ACCOUNT_SID, Foo: 'bar' }],
    ['a malformed MessageSid', { ...twilioStatusCallbackFixture, MessageSid: 'SM123' }],
  ])('refuses a signed body with %s with 400', (_what, params) => {
    expect(handle(signed(params))).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a repeated form field with 400', () => {
    const body = Buffer.from('MessageSid=a&MessageSid=b');
    const headers = {
      [TWILIO_SIGNATURE_HEADER]: twilioSignature(TWILIO_FIXTURE_AUTH_TOKEN, TWILIO_FIXTURE_URL, {}),
    };
    expect(handle({ headers, body })).toMatchObject({
      ok: false,
      status: 400,
      code: 'duplicate_field',
    });
  });

  it('throws for a stored payload that is not a Twilio delivery', () => {
    expect(() => twilioIntentOf({ type: 'nope' })).toThrow(/not a Twilio delivery/);
  });
});

describe('twilio webhook handler (deliveries from the simulator)', () => {
  let sim: RunningTwilioSimulator;
  let control: SimulatorControl;
  let account: OpenedTwilioAccount;
  const receiver = new WebhookReceiver();
  let connection: WebhookConnection;

  beforeAll(async () => {
    sim = await startTwilioSimulator({ lifecycle: 'manual' });
    control = new SimulatorControl(sim.url);
    await receiver.start();
    account = await openAccount(control);
    // As the merchant sets it in the Console: the connection's URL for incoming messages.
    await control.put(`/accounts/${account.accountSid}/incoming-url`, { url: receiver.url });
    connection = {
      ...fixtureConnection,
      baseUrl: sim.url,
      webhookSecret: account.authToken,
      credentials: { accountSid: account.accountSid, authToken: account.authToken },
      webhookUrl: receiver.url,
    };
  });

  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  const channel = () =>
    twilioMessages(
      createTwilioClient({
        baseUrl: sim.url,
        credentials: { accountSid: account.accountSid, authToken: account.authToken },
      }),
      TwilioSettingsSchema.parse({ from: account.phoneNumber }),
    );

  it('verifies the signed status callbacks of a sent message, a redelivery with the same reference', async () => {
    receiver.answers = [503];
    const outcome = await channel().send({
      to: '+358401234567',
      body: 'Paketti on matkalla.',
      statusCallbackUrl: receiver.url,
    });
    if (outcome.outcome !== 'accepted') throw new Error(`not accepted: ${outcome.outcome}`);
    await control.post(`/messages/${outcome.providerRef}/status`, { status: 'sent' });
    const [first, again] = await receiver.waitFor({ MessageSid: outcome.providerRef }, 2);
    const verdict = accepted(handle(first!, connection));
    expect(verdict).toMatchObject({
      topic: 'message.sent',
      eventRef: `${outcome.providerRef}-sent`,
    });
    expect(accepted(handle(again!, connection)).eventRef).toBe(verdict.eventRef);
    expect(twilioIntentOf(verdict.payload)).toEqual({
      kind: 'message.status',
      providerRef: outcome.providerRef,
      status: 'sent',
      errorCode: null,
    });

    await control.post(`/messages/${outcome.providerRef}/status`, { status: 'delivered' });
    const [delivered] = await receiver.waitFor({ MessageStatus: 'delivered' });
    expect(accepted(handle(delivered!, connection)).eventRef).toBe(
      `${outcome.providerRef}-delivered`,
    );
  });

  it('verifies an incoming STOP with OptOutType, and the next send is refused as opted out', async () => {
    await control.post(`/accounts/${account.accountSid}/replies`, {
      from: '+358409876543',
      body: 'STOP',
    });
    const [stop] = await receiver.waitFor({ OptOutType: 'STOP', From: '+358409876543' });
    const verdict = accepted(handle(stop!, connection));
    expect(verdict.topic).toBe('message.opt-out');
    expect(twilioIntentOf(verdict.payload)).toEqual({
      kind: 'message.opt-out',
      recipient: '+358409876543',
      optedOut: true,
    });
    const next = await channel().send({ to: '+358409876543', body: 'x', statusCallbackUrl: null });
    expect(next).toMatchObject({ outcome: 'refused', optedOut: true });
  });

  it('refuses the genuine delivery for another connection (its token and URL) with 401', async () => {
    await control.post(`/accounts/${account.accountSid}/replies`, {
      from: '+358405550000',
      body: 'Hei',
    });
    const [genuine] = await receiver.waitFor({ From: '+358405550000' });
    expect(accepted(handle(genuine!, connection)).topic).toBe('message.inbound');
    const other = await openAccount(control);
    const theirs = {
      ...connection,
      credentials: { accountSid: other.accountSid, authToken: other.authToken },
      webhookUrl: `${receiver.url}-other`,
    };
    expect(handle(genuine!, theirs)).toMatchObject({ ok: false, status: 401 });
    expect(handle(genuine!, { ...connection, webhookUrl: `${receiver.url}-other` })).toMatchObject({
      ok: false,
      status: 401,
    });
  });
});
