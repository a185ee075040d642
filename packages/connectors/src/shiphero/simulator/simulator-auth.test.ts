import { SimulatorControl } from '../../testing/control';
import { ACCOUNT_QUERY } from '../documents';
import { postGraphQL } from './test-support';
import { startShipHeroSimulator, type RunningShipHeroSimulator } from '.';

const DAY_MS = 24 * 60 * 60 * 1_000;

interface OpenedAccount {
  accountId: string;
  username: string;
  password: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

describe('ShipHero simulator auth service', () => {
  let sim: RunningShipHeroSimulator;
  let control: SimulatorControl;
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const openAccount = () =>
    control.post<OpenedAccount>('/accounts', { refreshToken: 'refresh-me' });

  beforeAll(async () => {
    sim = await startShipHeroSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(() => control.reset());

  it('issues tokens for a developer user, and refreshes the access token', async () => {
    const account = await openAccount();
    const token = await post('/auth/token', {
      username: account.username,
      password: account.password,
    });
    expect(token).toEqual({
      status: 200,
      body: {
        access_token: expect.any(String),
        expires_in: 2_419_200,
        refresh_token: 'refresh-me',
        scope: 'openid profile offline_access',
        token_type: 'Bearer',
      },
    });
    const refreshed = await post('/auth/refresh', { refresh_token: 'refresh-me' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({
      access_token: expect.any(String),
      expires_in: 2_419_200,
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
    });
    const fresh = String(refreshed.body.access_token);
    const claims = JSON.parse(Buffer.from(fresh.split('.')[1] ?? '', 'base64url').toString());
    expect(claims.exp * 1_000).toBe(Math.floor((clock + 28 * DAY_MS) / 1_000) * 1_000);
    const answer = await postGraphQL(sim.url, fresh, ACCOUNT_QUERY);
    expect(answer.body.data?.account).toMatchObject({ data: { id: account.accountId } });
  });

  it('refuses wrong credentials and unknown refresh tokens', async () => {
    const account = await openAccount();
    expect(await post('/auth/token', { username: account.username, password: 'nope' })).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Wrong email or password.' },
    });
    expect(await post('/auth/refresh', { refresh_token: 'never-issued' })).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    });
    expect((await post('/auth/refresh', {})).status).toBe(400);
  });

  it('answers 401 without a token, with an unknown one, and once it expired', async () => {
    const account = await openAccount();
    for (const token of [undefined, 'not-a-token']) {
      const answer = await postGraphQL(sim.url, token, ACCOUNT_QUERY);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ errors: [{ message: 'Invalid token', code: 401 }] });
    }
    expect((await postGraphQL(sim.url, account.accessToken, ACCOUNT_QUERY)).status).toBe(200);
    clock += 28 * DAY_MS;
    const expired = await postGraphQL(sim.url, account.accessToken, ACCOUNT_QUERY);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ errors: [{ message: 'Expired token', code: 401 }] });
    const refreshed = await post('/auth/refresh', { refresh_token: account.refreshToken });
    const again = await postGraphQL(sim.url, String(refreshed.body.access_token), ACCOUNT_QUERY);
    expect(again.status).toBe(200);
  });

  it('expires every access token of an account on demand', async () => {
    const account = await openAccount();
    expect(Date.parse(account.accessTokenExpiresAt)).toBe(clock + 28 * DAY_MS);
    await control.post(`/accounts/${account.accountId}/tokens/expire`);
    const answer = await postGraphQL(sim.url, account.accessToken, ACCOUNT_QUERY);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.message).toBe('Expired token');
  });
});
