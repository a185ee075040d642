import { SimulatorControl } from '../../testing/control';
import { signParams } from '../signing';
import { signedPost, type Merchant } from './test-support';
import {
  openPostiAccount,
  POSTI_TEST_ACCOUNT,
  startPostiSimulator,
  TIMESTAMP_SKEW_SECONDS,
  type RunningPostiSimulator,
} from '.';

describe('Posti simulator request signing', () => {
  let sim: RunningPostiSimulator;
  let control: SimulatorControl;
  let merchant: Merchant;
  const nowSeconds = () => Math.floor(Date.now() / 1_000);

  beforeAll(async () => {
    sim = await startPostiSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    const account = await openPostiAccount(sim.url);
    merchant = account.credentials;
  });

  it('opens accounts with a UUID api key and a secret, as the hub connects them', async () => {
    const account = await openPostiAccount(sim.url, { settings: { language: 'EN' } });
    expect(account).toEqual({
      provider: 'posti',
      baseUrl: sim.url,
      credentials: { apiKey: expect.stringMatching(/^[0-9a-f-]{36}$/), secret: expect.any(String) },
      settings: { language: 'EN' },
    });
    expect(account.credentials.apiKey).not.toBe(merchant.apiKey);
    const chosen = await control.post('/accounts', { apiKey: 'my-key', secret: 's3cret' });
    expect(chosen).toEqual({ apiKey: 'my-key', secret: 's3cret' });
    await expect(control.post('/accounts', { apiKey: 'my-key' })).rejects.toMatchObject({
      response: { status: 409 },
    });
  });

  it('accepts a correctly signed form request', async () => {
    const answer = await signedPost<unknown[]>(sim.url, '/shipping-methods/list', merchant, {
      language: 'EN',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThanOrEqual(5);
  });

  it('signs empty parameters too, and takes JSON bodies leniently', async () => {
    const withEmpty = await signedPost(sim.url, '/pickup-points/search', merchant, {
      postcode: '33100',
      address: '',
      service_provider: '',
    });
    expect(withEmpty.status).toBe(200);
    const json = await signedPost(sim.url, '/shipping-methods/list', merchant, {}, { json: true });
    expect(json.status).toBe(200);
  });

  it('knows the public test merchant', async () => {
    const answer = await signedPost(sim.url, '/shipping-methods/list', POSTI_TEST_ACCOUNT);
    expect(answer.status).toBe(200);
  });

  it('refuses a wrong hash with 401', async () => {
    const answer = await signedPost(
      sim.url,
      '/shipping-methods/list',
      merchant,
      {},
      {
        hash: signParams({ api_key: merchant.apiKey, timestamp: '1' }, merchant.secret),
      },
    );
    expect(answer).toEqual({
      status: 401,
      body: {
        success: false,
        error: 'authentication_failed',
        message: 'hash does not match the parameters',
      },
    });
    const otherSecret = await signedPost(sim.url, '/shipping-methods/list', {
      ...merchant,
      secret: 'not-the-secret',
    });
    expect(otherSecret.status).toBe(401);
  });

  it('refuses a missing hash and an unknown api key with 401', async () => {
    const unsigned = await signedPost(sim.url, '/shipment/status', merchant, {}, { sign: false });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toMatchObject({ success: false, message: 'hash is missing' });
    const unknown = await signedPost(sim.url, '/shipment/status', {
      apiKey: '99999999-9999-9999-9999-999999999999',
      secret: merchant.secret,
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ success: false, message: 'Unknown api_key' });
  });

  it('refuses a well-signed timestamp more than five minutes off with 403', async () => {
    const old = await signedPost(
      sim.url,
      '/shipping-methods/list',
      merchant,
      {},
      {
        timestamp: nowSeconds() - TIMESTAMP_SKEW_SECONDS - 30,
      },
    );
    expect(old.status).toBe(403);
    expect(old.body).toMatchObject({ success: false, error: 'timestamp_out_of_range' });
    const future = await signedPost(
      sim.url,
      '/shipping-methods/list',
      merchant,
      {},
      {
        timestamp: nowSeconds() + TIMESTAMP_SKEW_SECONDS + 30,
      },
    );
    expect(future.status).toBe(403);
    const withinWindow = await signedPost(
      sim.url,
      '/shipping-methods/list',
      merchant,
      {},
      {
        timestamp: nowSeconds() - TIMESTAMP_SKEW_SECONDS + 30,
      },
    );
    expect(withinWindow.status).toBe(200);
  });

  it('answers an unknown endpoint with a JSON 404 and kit faults in its own shape', async () => {
    const missing = await signedPost(sim.url, '/no/such/thing', merchant);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: 'not_found' });
    await control.addFault({ kind: 'server_error', status: 503, count: 1 });
    const failed = await signedPost(sim.url, '/shipping-methods/list', merchant);
    expect(failed).toEqual({
      status: 503,
      body: { success: false, error: 'server_error', message: 'Internal server error' },
    });
    const recovered = await signedPost(sim.url, '/shipping-methods/list', merchant);
    expect(recovered.status).toBe(200);
  });
});
