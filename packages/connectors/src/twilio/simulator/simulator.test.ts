import { SimulatorControl } from '../../testing/control';
import { startTwilioSimulator, type RunningTwilioSimulator } from '.';
import {
  messagesOf,
  openAccount,
  restCall,
  WebhookReceiver,
  type OpenedTwilioAccount,
} from './test-support';

let sim: RunningTwilioSimulator;
let control: SimulatorControl;
let account: OpenedTwilioAccount;
const receiver = new WebhookReceiver();

const path = (rest = '') => `/2010-04-01/Accounts/${account.accountSid}/Messages${rest}`;
const owner = () => ({ user: account.accountSid, password: account.authToken });
const send = (form: Record<string, string>) => restCall(sim.url, path('.json'), owner(), form);

beforeAll(async () => {
  sim = await startTwilioSimulator({ lifecycle: 'manual' });
  control = new SimulatorControl(sim.url);
  await receiver.start();
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

beforeEach(async () => {
  await control.reset();
  account = await openAccount(control);
  receiver.received.length = 0;
});

describe('Twilio simulator: authentication', () => {
  it("answers 401 with Twilio's 20003 body without or with wrong credentials", async () => {
    for (const auth of [undefined, { user: account.accountSid, password: 'f'.repeat(32) }]) {
      const answer = await restCall(sim.url, path('.json'), auth);
      expect(answer).toEqual({
        status: 401,
        body: {
          code: 20003,
          message: 'Authenticate',
          more_info: 'https://www.twilio.com/docs/errors/20003',
          status: 401,
        },
      });
    }
  });

  it("accepts the account's API key, and refuses another account's credentials", async () => {
    const key = { user: account.apiKeySid, password: account.apiKeySecret };
    expect((await restCall(sim.url, path('.json'), key)).status).toBe(200);
    const other = await openAccount(control);
    const theirs = { user: other.accountSid, password: other.authToken };
    expect((await restCall(sim.url, path('.json'), theirs)).status).toBe(401);
  });
});

describe('Twilio simulator: creating messages', () => {
  it('answers 201 with a queued Message resource, its segments counted', async () => {
    const answer = await send({ To: '+358401234567', From: account.phoneNumber, Body: 'Hei!' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      account_sid: account.accountSid,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      error_code: null,
      date_created: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
    });
  });

  it('answers accepted, no sender and 0 segments through the Messaging Service', async () => {
    const answer = await send({
      To: '+358401234567',
      MessagingServiceSid: account.messagingServiceSid,
      Body: 'Hei!',
    });
    expect(answer.body).toMatchObject({ status: 'accepted', from: null, num_segments: '0' });
  });

  it.each([
    [{ Body: 'x' }, 21604],
    [{ To: '0401234567', Body: 'x' }, 21211],
    [{ To: '+15005550001', Body: 'x' }, 21211],
    [{ To: '+15005550004', Body: 'x' }, 21610],
    [{ To: '+15005550009', Body: 'x' }, 21614],
    [{ To: '+358401234567', Body: 'x', From: '+358400000000' }, 21606],
    [{ To: '+358401234567', Body: 'x', MessagingServiceSid: `MG${'0'.repeat(32)}` }, 21701],
    [{ To: '+358401234567', Body: 'x', MessagingServiceSid: 'MG123' }, 21705],
    [{ To: '+358401234567', Body: 'x', NoSender: '1' }, 21603],
    [{ To: '+358401234567', Body: '' }, 21602],
    [{ To: '+358401234567', Body: 'x'.repeat(1_601) }, 21617],
    [{ To: '+358401234567', Body: 'x', StatusCallback: 'not a url' }, 21609],
  ])('refuses %j with %s', async (form, code) => {
    const sender = 'From' in form || 'MessagingServiceSid' in form || 'NoSender' in form;
    const answer = await send({ ...(sender ? {} : { From: account.phoneNumber }), ...form });
    expect(answer).toMatchObject({ status: 400, body: { code, status: 400 } });
    expect(await messagesOf(control, account.accountSid)).toEqual([]);
  });

  it('refuses a landline the control API registered with 21614', async () => {
    await control.post(`/accounts/${account.accountSid}/landlines`, { number: '+35891234567' });
    const answer = await send({ To: '+35891234567', From: account.phoneNumber, Body: 'x' });
    expect(answer.body).toMatchObject({ code: 21614 });
  });
});

describe('Twilio simulator: reading messages', () => {
  it('fetches one message, and answers 20404 for a missing one', async () => {
    const created = await send({ To: '+358401234567', From: account.phoneNumber, Body: 'x' });
    const sid = String(created.body.sid);
    expect((await restCall(sim.url, path(`/${sid}.json`), owner())).body).toMatchObject({ sid });
    const missing = await restCall(sim.url, path(`/SM${'0'.repeat(32)}.json`), owner());
    expect(missing).toMatchObject({ status: 404, body: { code: 20404 } });
  });

  it('lists newest first, page by page, until next_page_uri is null', async () => {
    for (let i = 0; i < 5; i++) {
      await send({ To: '+358401234567', From: account.phoneNumber, Body: `n${i}` });
    }
    const bodies: string[] = [];
    let next: string | null = path('.json?PageSize=2');
    while (next) {
      const answer = await restCall(sim.url, next, owner());
      const page = answer.body as { messages: { body: string }[]; next_page_uri: string | null };
      bodies.push(...page.messages.map((m) => m.body));
      next = page.next_page_uri;
    }
    expect(bodies).toEqual(['n4', 'n3', 'n2', 'n1', 'n0']);
  });
});

describe('Twilio simulator: delivery and status callbacks', () => {
  it('moves a message queued → sent → delivered, posting a signed callback for each change', async () => {
    const created = await send({
      To: '+358401234567',
      From: account.phoneNumber,
      Body: 'x',
      StatusCallback: receiver.url,
    });
    const sid = String(created.body.sid);
    await control.post(`/messages/${sid}/status`, { status: 'delivered' });
    const callbacks = await receiver.waitFor({ MessageSid: sid }, 2);
    expect(callbacks.map((c) => c.params.MessageStatus).sort()).toEqual(['delivered', 'sent']);
    expect(callbacks[0]!.headers['x-twilio-signature']).toEqual(expect.any(String));
    const read = await restCall(sim.url, path(`/${sid}.json`), owner());
    expect(read.body).toMatchObject({ status: 'delivered', date_sent: expect.any(String) });
  });

  it('reports an undelivered message with its error code, and refuses to move it again', async () => {
    const created = await send({
      To: '+358401234567',
      From: account.phoneNumber,
      Body: 'x',
      StatusCallback: receiver.url,
    });
    const sid = String(created.body.sid);
    await control.post(`/messages/${sid}/status`, { status: 'undelivered' });
    const [callback] = await receiver.waitFor({ MessageSid: sid, MessageStatus: 'undelivered' });
    expect(callback!.params.ErrorCode).toBe('30003');
    await expect(
      control.post(`/messages/${sid}/status`, { status: 'delivered' }),
    ).rejects.toMatchObject({ response: { status: 409 } });
  });

  it('re-sends a callback the receiver fails, byte for byte', async () => {
    receiver.answers = [503];
    const created = await send({
      To: '+358401234567',
      From: account.phoneNumber,
      Body: 'x',
      StatusCallback: receiver.url,
    });
    await control.post(`/messages/${String(created.body.sid)}/status`, { status: 'sent' });
    const attempts = await receiver.waitFor({ MessageStatus: 'sent' }, 2);
    expect(attempts[1]!.body.equals(attempts[0]!.body)).toBe(true);
  });

  it('sends and delivers on its own in auto mode', async () => {
    await control.post('/settings', { lifecycle: 'auto', stepMs: 20 });
    await send({
      To: '+358401234567',
      From: account.phoneNumber,
      Body: 'x',
      StatusCallback: receiver.url,
    });
    await receiver.waitFor({ MessageStatus: 'delivered' });
  });
});

describe('Twilio simulator: replies and opt-outs', () => {
  beforeEach(async () => {
    await control.put(`/accounts/${account.accountSid}/incoming-url`, { url: receiver.url });
  });

  it('opts a STOP out, answers it, forwards it with OptOutType, and refuses later sends with 21610', async () => {
    const reply = await control.post<{ keyword: string; forwarded: boolean }>(
      `/accounts/${account.accountSid}/replies`,
      { from: '+358401234567', body: ' stop ' },
    );
    expect(reply).toMatchObject({ keyword: 'STOP', forwarded: true });
    const [forwarded] = await receiver.waitFor({ OptOutType: 'STOP' });
    expect(forwarded!.params).toMatchObject({ From: '+358401234567', To: account.phoneNumber });
    const messages = await messagesOf(control, account.accountSid);
    expect(messages.map((m) => m.direction)).toEqual(['inbound', 'outbound-reply']);
    const answer = await send({ To: '+358401234567', From: account.phoneNumber, Body: 'x' });
    expect(answer.body).toMatchObject({ code: 21610 });
  });

  it('lets START undo a STOP', async () => {
    const replies = `/accounts/${account.accountSid}/replies`;
    await control.post(replies, { from: '+358401234567', body: 'STOP' });
    await control.post(replies, { from: '+358401234567', body: 'START' });
    expect(await control.get(`/accounts/${account.accountSid}/opt-outs`)).toEqual([]);
    const answer = await send({ To: '+358401234567', From: account.phoneNumber, Body: 'x' });
    expect(answer.status).toBe(201);
  });

  it('forwards an ordinary reply without OptOutType', async () => {
    await control.post(`/accounts/${account.accountSid}/replies`, {
      from: '+358401234567',
      body: 'Kiitos!',
    });
    const [forwarded] = await receiver.waitFor({ Body: 'Kiitos!' });
    expect(forwarded!.params.OptOutType).toBeUndefined();
  });
});
