/** What the ingress answered: its status and its JSON body (or text). */
export interface ConsoleAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answered
  body: any;
}

/**
 * A signed-in console user as the browser is one: the session cookie on every request and the
 * CSRF token on every change; or, with `bearer`, a caller with a token.
 */
export class ConsoleSession {
  private constructor(
    private readonly ingressUrl: string,
    private readonly auth: { cookie: string; csrfToken: string } | { bearer: string },
  ) {}

  /** Signs in with e-mail and password, or as the operator with `{ operatorToken }`. */
  static async signIn(
    ingressUrl: string,
    credentials: { email: string; password: string } | { operatorToken: string },
  ): Promise<ConsoleSession> {
    const response = await fetch(`${ingressUrl}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (response.status !== 200) {
      throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
    }
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('shiplink_session='));
    if (!cookie) throw new Error('sign-in set no session cookie');
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new ConsoleSession(ingressUrl, { cookie: cookie.split(';')[0]!, csrfToken });
  }

  static withToken(ingressUrl: string, bearer: string): ConsoleSession {
    return new ConsoleSession(ingressUrl, { bearer });
  }

  /** The session cookie's raw Set-Cookie attributes are not kept; this is what a browser sends. */
  get cookie(): string | undefined {
    return 'cookie' in this.auth ? this.auth.cookie : undefined;
  }

  async call(
    method: string,
    path: string,
    payload?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<ConsoleAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if ('bearer' in this.auth) headers.authorization = `Bearer ${this.auth.bearer}`;
    else {
      headers.cookie = this.auth.cookie;
      if (options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.auth.csrfToken;
    }
    const response = await fetch(`${this.ingressUrl}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: json && text ? JSON.parse(text) : text };
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, payload?: unknown) => this.call('POST', path, payload ?? {});
}
