/**
 * Twilio simulator control routes, under `/__control` beside the kit's shared ones (`GET
 * /health`, `POST|GET|DELETE /faults`, `GET|DELETE /requests`, `GET /webhooks` — every status
 * callback and incoming-message post with its attempts —, `POST /reset`).
 *
 * - `POST /accounts` → 201 `{ accountSid, authToken, apiKeySid, apiKeySecret, phoneNumber,
 *   messagingServiceSid }`: a fresh account with one number in one Messaging Service.
 * - `PUT /accounts/:sid/incoming-url` `{ url }` (null clears): the incoming-message webhook.
 * - `POST /accounts/:sid/messages` `{ To, Body, From?, MessagingServiceSid?, StatusCallback? }` →
 *   201 the Message, or Twilio's 400: a send as the API takes it (From defaults to the number).
 * - `GET /accounts/:sid/messages` → every message, oldest first: to, body, segments, status.
 * - `POST /accounts/:sid/replies` `{ from, body }` → 201 `{ messageSid, keyword, forwarded }`: a
 *   customer texts the number (STOP/START change the opt-outs; see `replies.ts`).
 * - `GET /accounts/:sid/opt-outs` → the numbers that texted STOP.
 * - `POST /accounts/:sid/landlines` `{ number }` → 204: later sends to it fail with 21614.
 * - `GET /messages/:sid` → one message; `POST /messages/:sid/status` `{ status, errorCode? }` →
 *   moves it (queued, sent, delivered, undelivered, failed), posting each status callback; 409
 *   when it has a final status already.
 * - `GET|POST /settings` `{ lifecycle?: 'auto' | 'manual', stepMs? }`.
 */
import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { parseControlBody } from '../../simulator-kit/simulator';
import type { TwilioDeliveries } from './deliveries';
import { sendTwilioError } from './http';
import { MOVABLE_STATUSES, type MessageLifecycle } from './lifecycle';
import { createMessage, messageResource, messageView } from './messages';
import { receiveReply } from './replies';
import type { SimAccount, TwilioSimState } from './state';

export interface ControlDeps {
  state: TwilioSimState;
  lifecycle: MessageLifecycle;
  deliveries: TwilioDeliveries;
}

const IncomingUrlSchema = z.object({ url: z.url({ protocol: /^https?$/ }).nullable() });
const SeedSchema = z.object({
  To: z.string(),
  Body: z.string(),
  From: z.string().optional(),
  MessagingServiceSid: z.string().optional(),
  StatusCallback: z.string().optional(),
});
const ReplySchema = z.object({ from: z.string().min(1).max(64), body: z.string().max(1_600) });
const NumberSchema = z.object({ number: z.string().min(1).max(32) });
const StatusSchema = z.object({
  status: z.enum(MOVABLE_STATUSES),
  errorCode: z.number().int().positive().optional(),
});
const SettingsSchema = z.object({
  lifecycle: z.enum(['auto', 'manual']).optional(),
  stepMs: z.number().int().nonnegative().max(60_000).optional(),
});

export function twilioControl({ state, lifecycle, deliveries }: ControlDeps): Router {
  const control = express.Router();
  const accountOf = (sid: unknown, res: Response): SimAccount | undefined => {
    const account = state.account(String(sid));
    if (!account) res.status(404).json({ error: 'no such account' });
    return account;
  };

  control.post('/accounts', (_req, res) => {
    const account = state.openAccount();
    const [[apiKeySid, apiKeySecret] = ['', '']] = [...account.apiKeys];
    res.status(201).json({
      accountSid: account.accountSid,
      authToken: account.authToken,
      apiKeySid,
      apiKeySecret,
      phoneNumber: account.phoneNumber,
      messagingServiceSid: account.messagingServiceSid,
    });
  });

  control.put('/accounts/:sid/incoming-url', (req, res) => {
    const account = accountOf(req.params.sid, res);
    const body = account && parseControlBody(IncomingUrlSchema, req, res);
    if (!account || !body) return;
    account.incomingUrl = body.url;
    res.json({ incomingUrl: account.incomingUrl });
  });

  control.post('/accounts/:sid/messages', (req, res) => {
    const account = accountOf(req.params.sid, res);
    const body = account && parseControlBody(SeedSchema, req, res);
    if (!account || !body) return;
    const sender = body.From || body.MessagingServiceSid ? {} : { From: account.phoneNumber };
    const created = createMessage(state, account, { ...body, ...sender });
    if (!created.ok) return sendTwilioError(res, created.status, created.code, created.message);
    lifecycle.started(created.message);
    res.status(201).json(messageResource(created.message));
  });

  control.get('/accounts/:sid/messages', (req, res) => {
    const account = accountOf(req.params.sid, res);
    if (account) res.json(state.messagesOf(account.accountSid).reverse().map(messageView));
  });

  control.post('/accounts/:sid/replies', (req, res) => {
    const account = accountOf(req.params.sid, res);
    const body = account && parseControlBody(ReplySchema, req, res);
    if (!account || !body) return;
    const reply = receiveReply(state, deliveries, account, body);
    res
      .status(201)
      .json({ messageSid: reply.message.sid, keyword: reply.keyword, forwarded: reply.forwarded });
  });

  control.get('/accounts/:sid/opt-outs', (req, res) => {
    const account = accountOf(req.params.sid, res);
    if (account) res.json([...account.optedOut]);
  });

  control.post('/accounts/:sid/landlines', (req, res) => {
    const account = accountOf(req.params.sid, res);
    const body = account && parseControlBody(NumberSchema, req, res);
    if (!account || !body) return;
    account.landlines.add(body.number);
    res.status(204).end();
  });

  control.get('/messages/:sid', (req, res) => {
    const message = state.messages.get(String(req.params.sid));
    if (!message) return void res.status(404).json({ error: 'no such message' });
    res.json(messageView(message));
  });

  control.post('/messages/:sid/status', (req, res) => {
    const message = state.messages.get(String(req.params.sid));
    if (!message) return void res.status(404).json({ error: 'no such message' });
    const body = parseControlBody(StatusSchema, req, res);
    if (!body) return;
    const refused = lifecycle.move(message, body.status, body.errorCode);
    if (refused) return void res.status(409).json({ error: refused });
    res.json(messageView(message));
  });

  control.get('/settings', (_req, res) => void res.json(lifecycle.settings));
  control.post('/settings', (req, res) => {
    const body = parseControlBody(SettingsSchema, req, res);
    if (!body) return;
    lifecycle.settings = {
      mode: body.lifecycle ?? lifecycle.settings.mode,
      stepMs: body.stepMs ?? lifecycle.settings.stepMs,
    };
    res.json(lifecycle.settings);
  });

  return control;
}
