import { runConnectorContract } from '../testing';
import { SimulatorControl } from '../testing/control';
import { createTwilioClient, type TwilioClient } from './client';
import { twilioMessageFixture } from './fixtures/message';
import {
  signedTwilioFixture,
  TWILIO_FIXTURE_AUTH_TOKEN,
  TWILIO_FIXTURE_URL,
} from './fixtures/webhook';
import { deliveryStatusOf, segmentsOf } from './send-outcome';
import { formParams, TWILIO_SIGNATURE_HEADER, verifyTwilioSignature } from './signing';
import { startTwilioSimulator } from './simulator';
import { openAccount, type OpenedTwilioAccount } from './simulator/test-support';

/*
 * The shared battery without its webhook-delivery part: that part asserts the handler's intent,
 * and Twilio's intents (message.status, message.opt-out) are not in `WebhookIntent` yet, so the
 * handler records deliveries without one. `webhook.test.ts` runs the same deliveries (genuine,
 * redelivered, tampered, another connection's) against the simulator.
 */

let url = '';
let account: OpenedTwilioAccount;
const seeded: string[] = [];

runConnectorContract<TwilioClient>({
  provider: 'twilio',
  async start() {
    const sim = await startTwilioSimulator({ lifecycle: 'manual' });
    url = sim.url;
    const control = new SimulatorControl(sim.url);
    account = await openAccount(control);
    return { control, close: () => sim.close() };
  },
  client: ({ limiter, maxInlineWaitMs, accountKey }) =>
    createTwilioClient({
      baseUrl: url,
      credentials: { accountSid: account.accountSid, authToken: account.authToken },
      limiter,
      accountKey,
      retryBaseDelayMs: 20,
      ...(maxInlineWaitMs === undefined ? {} : { maxInlineWaitMs }),
    }),
  async seed(control, count) {
    for (let i = 0; i < count; i++) {
      const message = await control.post<{ sid: string }>(
        `/accounts/${account.accountSid}/messages`,
        {
          To: `+35840123${String(4500 + i)}`,
          Body: `Tilauksesi ${10000 + i} on matkalla.`,
        },
      );
      seeded.push(message.sid);
    }
  },
  // A small page size, so that several pages are fetched.
  listAll: (client) => client.listMessages({ pageSize: 3 }),
  // Read when the test runs: the account exists only once the simulator has started.
  get listPath() {
    return `/2010-04-01/Accounts/${account.accountSid}/Messages.json`;
  },
  readOne: (client) => client.readMessage(seeded[0]!),
  readMissing: (client) => client.readMessage(`SM${'0'.repeat(32)}`),
  webhook: {
    signed: () => signedTwilioFixture(),
    verify(headers, body) {
      const form = formParams(body);
      return (
        form.ok &&
        verifyTwilioSignature({
          authToken: TWILIO_FIXTURE_AUTH_TOKEN,
          url: TWILIO_FIXTURE_URL,
          params: form.params,
          signature: headers[TWILIO_SIGNATURE_HEADER],
        })
      );
    },
  },
  fixtureMapping() {
    expect(deliveryStatusOf(twilioMessageFixture.status)).toBe('queued');
    expect(segmentsOf(twilioMessageFixture)).toBe(1);
    expect(twilioMessageFixture.sid).toMatch(/^SM[0-9a-f]{32}$/);
  },
});
