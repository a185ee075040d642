import express, { type Request, type Response, type Router } from 'express';
import { TWILIO_API_VERSION } from '../profile';
import { sendTwilioError } from './http';
import type { MessageLifecycle } from './lifecycle';
import { createMessage, messageResource, type CreateParams } from './messages';
import type { SimAccount, TwilioSimState } from './state';

export interface ApiDeps {
  state: TwilioSimState;
  lifecycle: MessageLifecycle;
}

const ACCOUNT = `/${TWILIO_API_VERSION}/Accounts/:accountSid`;

/** A parameter as a string: the last value of a repeated one, undefined when absent. */
function param(source: unknown, name: string): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const raw = (source as Record<string, unknown>)[name];
  const value = Array.isArray(raw) ? (raw as unknown[]).at(-1) : raw;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The account of `:accountSid`, once Basic credentials for it are checked: its SID and auth
 * token, or one of its API keys. Anything else is Twilio's 401 (20003, "Authenticate").
 */
function authorized(state: TwilioSimState, req: Request, res: Response): SimAccount | undefined {
  const account = state.account(String(req.params.accountSid));
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const [user, password] =
    colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  if (account && user && state.authenticates(account, user, password)) return account;
  res.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
  sendTwilioError(res, 401, 20003, 'Authenticate');
  return undefined;
}

/** `GET …/Messages.json`: newest first, `PageSize` (default 50, at most 1000) and `Page`. */
function listPage(account: SimAccount, state: TwilioSimState, req: Request) {
  const to = param(req.query, 'To');
  const from = param(req.query, 'From');
  const size = Math.min(1_000, Math.max(1, Number(param(req.query, 'PageSize') ?? 50) || 50));
  const page = Math.max(0, Math.floor(Number(param(req.query, 'Page') ?? 0) || 0));
  const all = state
    .messagesOf(account.accountSid)
    .filter((m) => (!to || m.to === to) && (!from || m.from === from));
  const slice = all.slice(page * size, (page + 1) * size);
  const path = `/${TWILIO_API_VERSION}/Accounts/${account.accountSid}/Messages.json`;
  const uri = (n: number, token?: string) => {
    const query = new URLSearchParams({
      ...(to ? { To: to } : {}),
      ...(from ? { From: from } : {}),
    });
    query.set('PageSize', String(size));
    query.set('Page', String(n));
    if (token) query.set('PageToken', token);
    return `${path}?${query.toString()}`;
  };
  const last = slice.at(-1);
  const more = (page + 1) * size < all.length;
  return {
    end: page * size + Math.max(0, slice.length - 1),
    first_page_uri: uri(0),
    messages: slice.map(messageResource),
    // Twilio's page token names the last message of this page.
    next_page_uri: more && last ? uri(page + 1, `PA${last.sid}`) : null,
    page,
    page_size: size,
    previous_page_uri: page > 0 ? uri(page - 1) : null,
    start: page * size,
    uri: uri(page),
  };
}

/** The Messages resource: create (form-encoded), fetch and list, behind Basic auth. */
export function twilioApi({ state, lifecycle }: ApiDeps): Router {
  const router = express.Router();
  // Twilio's REST API takes `application/x-www-form-urlencoded` parameters.
  router.use(express.urlencoded({ extended: false, limit: '1mb' }));

  router.post(`${ACCOUNT}/Messages.json`, (req, res) => {
    const account = authorized(state, req, res);
    if (!account) return;
    const params: CreateParams = {};
    for (const name of ['To', 'From', 'MessagingServiceSid', 'Body', 'StatusCallback'] as const) {
      const value = param(req.body, name);
      if (value !== undefined) params[name] = value;
    }
    const created = createMessage(state, account, params);
    if (!created.ok) return sendTwilioError(res, created.status, created.code, created.message);
    lifecycle.started(created.message);
    res.status(201).json(messageResource(created.message));
  });

  router.get(`${ACCOUNT}/Messages.json`, (req, res) => {
    const account = authorized(state, req, res);
    if (account) res.json(listPage(account, state, req));
  });

  router.get(`${ACCOUNT}/Messages/:messageSid.json`, (req, res) => {
    const account = authorized(state, req, res);
    if (!account) return;
    const message = state.messages.get(String(req.params.messageSid));
    if (!message || message.accountSid !== account.accountSid) {
      return sendTwilioError(res, 404, 20404, `The requested resource ${req.path} was not found`);
    }
    res.json(messageResource(message));
  });

  return router;
}
