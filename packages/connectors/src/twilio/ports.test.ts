import type { MessageChannel } from '@shiplink/domain';
import { PermanentError, RateLimitedError, RetryableError } from '@shiplink/errors';
import { listen } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { createTwilioClient, type TwilioClient } from './client';
import { readDeliveryStatus, twilioMessages } from './ports';
import { TwilioSettingsSchema } from './settings';
import { startTwilioSimulator, type RunningTwilioSimulator } from './simulator';
import { messagesOf, openAccount, type OpenedTwilioAccount } from './simulator/test-support';
import express from 'express';

let sim: RunningTwilioSimulator;
let control: SimulatorControl;
let account: OpenedTwilioAccount;

const CUSTOMER = '+358401234567';
const CALLBACK = 'https://hub.example.com/webhooks/twilio/c0a80101-0000-4000-8000-00000000b001';

const clientFor = (
  overrides: {
    baseUrl?: string;
    authToken?: string;
    timeoutMs?: number;
    maxInlineWaitMs?: number;
  } = {},
): TwilioClient =>
  createTwilioClient({
    baseUrl: overrides.baseUrl ?? sim.url,
    credentials: {
      accountSid: account.accountSid,
      authToken: overrides.authToken ?? account.authToken,
    },
    retryBaseDelayMs: 10,
    ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}),
    ...(overrides.maxInlineWaitMs ? { maxInlineWaitMs: overrides.maxInlineWaitMs } : {}),
  });

const channelFor = (client: TwilioClient = clientFor(), settings: Record<string, unknown> = {}) =>
  twilioMessages(client, TwilioSettingsSchema.parse({ from: account.phoneNumber, ...settings }));

const send = (channel: MessageChannel, body = 'Tilauksesi on matkalla.', to = CUSTOMER) =>
  channel.send({ to, body, statusCallbackUrl: CALLBACK });

const outbound = async () =>
  (await messagesOf(control, account.accountSid)).filter((m) => m.direction === 'outbound-api');

beforeAll(async () => {
  sim = await startTwilioSimulator({ lifecycle: 'manual' });
  control = new SimulatorControl(sim.url);
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  await control.reset();
  account = await openAccount(control);
});

describe('twilioMessages', () => {
  it('describes an SMS channel with the GSM-7 budget of its segments', () => {
    expect(channelFor()).toMatchObject({ channel: 'sms', maxBodyLength: 459 });
    expect(channelFor(clientFor(), { maxSegments: 1 }).maxBodyLength).toBe(160);
  });

  it('sends: accepted with the Message SID, status and segments, and the status callback named', async () => {
    const outcome = await send(channelFor(), 'Äänekosken noutopiste: paketti odottaa.');
    expect(outcome).toEqual({
      outcome: 'accepted',
      providerRef: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
      segments: 1,
    });
    expect(await outbound()).toEqual([
      expect.objectContaining({
        to: CUSTOMER,
        segments: 1,
        status: 'queued',
        statusCallback: CALLBACK,
      }),
    ]);
  });

  it('sends through a Messaging Service: queued, segments unknown yet', async () => {
    const channel = twilioMessages(
      clientFor(),
      TwilioSettingsSchema.parse({ messagingServiceSid: account.messagingServiceSid }),
    );
    expect(await send(channel)).toMatchObject({
      outcome: 'accepted',
      status: 'queued',
      segments: null,
    });
  });

  it('records an invalid number as refused', async () => {
    expect(await send(channelFor(), 'x', '0401234567')).toMatchObject({
      outcome: 'refused',
      reason: 'twilio.21211',
      optedOut: false,
    });
  });

  it('records a landline as refused (21614)', async () => {
    await control.post(`/accounts/${account.accountSid}/landlines`, { number: '+35891234567' });
    expect(await send(channelFor(), 'x', '+35891234567')).toMatchObject({
      outcome: 'refused',
      reason: 'twilio.21614',
    });
  });

  it('records a customer who texted STOP as refused and opted out', async () => {
    await control.post(`/accounts/${account.accountSid}/replies`, { from: CUSTOMER, body: 'STOP' });
    expect(await send(channelFor())).toEqual({
      outcome: 'refused',
      reason: 'twilio.21610',
      message: 'Attempt to send to unsubscribed recipient',
      optedOut: true,
    });
  });

  it('throws a PermanentError for wrong credentials, and for a sender not the account’s', async () => {
    const wrong = channelFor(clientFor({ authToken: 'f'.repeat(32) }));
    await expect(send(wrong)).rejects.toMatchObject({
      constructor: PermanentError,
      reason: 'twilio.unauthorized',
    });
    const stranger = twilioMessages(
      clientFor(),
      TwilioSettingsSchema.parse({ from: '+358400000000' }),
    );
    await expect(send(stranger)).rejects.toMatchObject({
      constructor: PermanentError,
      reason: 'twilio.21606',
    });
  });

  it('refuses a body over the segment budget before sending anything', async () => {
    const channel = channelFor(clientFor(), { maxSegments: 1 });
    // 80 characters, but UCS-2 (the emoji) and so two segments.
    await expect(send(channel, `${'a'.repeat(78)}📦`)).rejects.toMatchObject({
      constructor: PermanentError,
      reason: 'twilio.body_length',
    });
    expect(await control.requests({ method: 'POST' })).toEqual([]);
  });

  it('throws a RateLimitedError on a 429 that asks for a long wait', async () => {
    await control.addFault({ kind: 'rate_limit', count: 1, resetMs: 30_000 });
    await expect(send(channelFor(clientFor({ maxInlineWaitMs: 100 })))).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(await outbound()).toEqual([]);
  });

  it('answers unknown when Twilio took the message but the answer was lost, and sends it once', async () => {
    await control.addFault({
      kind: 'lost_response',
      count: 1,
      method: 'POST',
      path: `/2010-04-01/Accounts/${account.accountSid}/Messages.json`,
    });
    expect(await send(channelFor())).toMatchObject({ outcome: 'unknown' });
    // The one create reached Twilio (the request log misses it: no answer was ever finished).
    expect(await outbound()).toHaveLength(1);
  });

  it('answers unknown for a 5xx, without a second attempt', async () => {
    await control.addFault({ kind: 'server_error', count: 2, status: 503 });
    expect(await send(channelFor())).toMatchObject({ outcome: 'unknown' });
    expect(await control.requests({ method: 'POST' })).toHaveLength(1);
  });

  it('answers unknown for a timeout', async () => {
    await control.addFault({ kind: 'timeout', count: 1, delayMs: 300 });
    expect(await send(channelFor(clientFor({ timeoutMs: 100 })))).toMatchObject({
      outcome: 'unknown',
    });
    // Lets the fault's own timer drop the socket before the simulator closes.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('throws a RetryableError when Twilio cannot be reached at all', async () => {
    const closed = await listen(express());
    await closed.close();
    await expect(send(channelFor(clientFor({ baseUrl: closed.url })))).rejects.toBeInstanceOf(
      RetryableError,
    );
  });
});

describe('readDeliveryStatus', () => {
  it('reads a sent message’s delivery, and undefined for one Twilio does not have', async () => {
    const client = clientFor();
    const outcome = await send(channelFor(client));
    if (outcome.outcome !== 'accepted') throw new Error(`not accepted: ${outcome.outcome}`);
    await control.post(`/messages/${outcome.providerRef}/status`, {
      status: 'undelivered',
      errorCode: 30005,
    });
    expect(await readDeliveryStatus(client, outcome.providerRef)).toEqual({
      status: 'undelivered',
      errorCode: 30005,
    });
    expect(await readDeliveryStatus(client, `SM${'0'.repeat(32)}`)).toBeUndefined();
  });
});
