/**
 * ShipHero simulator control routes, mounted under `/__control` next to the kit's shared ones
 * (`GET /health`, `POST|GET|DELETE /faults`, `GET|DELETE /requests`, `GET /webhooks` — every
 * delivery attempt —, `POST /reset`). Ids are ShipHero uuids.
 *
 * Accounts (a developer user and its tokens):
 * - `POST /accounts` `{ email?, username?, password?, companyName?, accessToken?, refreshToken?,
 *   warehouses?: [{ identifier, companyName? }] }` → 201 `{ accountId, legacyId, email, username,
 *   password, accessToken, accessTokenExpiresAt, refreshToken, warehouses: [{ id, legacyId,
 *   identifier }] }`; one "Primary" warehouse unless told otherwise.
 * - `GET /accounts/:accountId` → the account, its warehouses and its credits.
 * - `POST /accounts/:accountId/warehouses` `{ identifier, companyName? }` → 201 the warehouse.
 * - `POST /accounts/:accountId/tokens/expire` → 200 `{ expired }`: every access token expires now.
 *
 * Throttling:
 * - `GET|POST /credits` `{ capacity?, refillPerSecond? }` → the bucket settings, for every account.
 * - `GET|POST /accounts/:accountId/credits` `{ remaining }` → `{ remaining, spent, throttled,
 *   capacity, refillPerSecond }` (`spent`: every credit charged so far; `throttled`: code-30
 *   refusals); POST leaves exactly `remaining` credits in that account's bucket.
 * - `GET|POST /request-cap` `{ limit?, windowMs? }` → the rolling request cap.
 *
 * Webhooks and deliveries:
 * - `GET /accounts/:accountId/webhooks` → the registrations, secrets included.
 * - `GET /deliveries` (or `/accounts/:accountId/deliveries`) → every trigger: `{ messageId,
 *   webhookType, webhookId, accountId, url, body, headers, attempts: [kit delivery records] }`.
 * - `POST /deliveries/:messageId/redeliver` → 202 `{ messageId }`: the same bytes, signature and
 *   message id again. 404 for an unknown message.
 *
 * Products, stock, orders: see `control-warehouse.ts`.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { freshId, freshSecret } from '../../simulator-kit/account';
import { accountOf, parseBody, type ControlDeps } from './control-kit';
import { controlWarehouse } from './control-warehouse';
import type { AccountData } from './state';

const WarehouseSchema = z.object({
  identifier: z.string().min(1),
  companyName: z.string().optional(),
});

const AccountSchema = z.object({
  email: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  companyName: z.string().min(1).optional(),
  accessToken: z.string().min(1).optional(),
  refreshToken: z.string().min(1).optional(),
  warehouses: z.array(WarehouseSchema).min(1).optional(),
});

const CreditSettingsSchema = z.object({
  capacity: z.number().int().positive().optional(),
  refillPerSecond: z.number().positive().optional(),
});
const RemainingSchema = z.object({ remaining: z.number().nonnegative() });
const RequestCapSchema = z.object({
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});

const warehouseJson = (data: AccountData) =>
  data.warehouses.map(({ id, legacy_id, identifier }) => ({ id, legacyId: legacy_id, identifier }));

export function shipHeroControl(deps: ControlDeps): Router {
  const { state, tokens, credits, requestCap, webhooks } = deps;
  const control = express.Router();
  const creditsOf = (data: AccountData) => ({
    remaining: credits.remaining(data.account.id),
    ...credits.usage(data.account.id),
    ...credits.settings,
  });

  control.post('/accounts', (req, res) => {
    const body = parseBody(AccountSchema, req, res);
    if (!body) return;
    const email = body.email ?? `${freshId('dev')}@developers.example`;
    const data = state.openAccount({
      email,
      username: body.username ?? email,
      password: body.password ?? freshSecret(),
      companyName: body.companyName ?? 'Simulated Merchant',
    });
    for (const warehouse of body.warehouses ?? [{ identifier: 'Primary' }]) {
      state.addWarehouse(data, warehouse.identifier, warehouse.companyName);
    }
    const accountId = data.account.id;
    if (body.refreshToken) tokens.registerRefresh(accountId, body.refreshToken);
    const access = body.accessToken
      ? tokens.registerAccess(accountId, body.accessToken)
      : tokens.issueAccess(accountId);
    res.status(201).json({
      accountId,
      legacyId: data.account.legacy_id,
      email: data.account.email,
      username: data.account.username,
      password: data.account.password,
      accessToken: access.accessToken,
      accessTokenExpiresAt: new Date(access.expiresAt).toISOString(),
      refreshToken: tokens.refreshTokenOf(accountId),
      warehouses: warehouseJson(data),
    });
  });

  control.get('/accounts/:accountId', (req, res) => {
    const data = accountOf(deps, req, res);
    if (!data) return;
    const { password: _password, ...account } = data.account;
    res.json({ account, warehouses: warehouseJson(data), credits: creditsOf(data) });
  });

  control.post('/accounts/:accountId/warehouses', (req, res) => {
    const data = accountOf(deps, req, res);
    const body = data && parseBody(WarehouseSchema, req, res);
    if (!data || !body) return;
    const { id, legacy_id, identifier } = state.addWarehouse(
      data,
      body.identifier,
      body.companyName,
    );
    res.status(201).json({ id, legacyId: legacy_id, identifier });
  });

  control.post('/accounts/:accountId/tokens/expire', (req, res) => {
    const data = accountOf(deps, req, res);
    if (data) res.json({ expired: tokens.expireAccess(data.account.id) });
  });

  control.get('/credits', (_req, res) => void res.json(credits.settings));
  control.post('/credits', (req, res) => {
    const body = parseBody(CreditSettingsSchema, req, res);
    if (!body) return;
    credits.configure(body);
    res.json(credits.settings);
  });
  control.get('/accounts/:accountId/credits', (req, res) => {
    const data = accountOf(deps, req, res);
    if (data) res.json(creditsOf(data));
  });
  control.post('/accounts/:accountId/credits', (req, res) => {
    const data = accountOf(deps, req, res);
    const body = data && parseBody(RemainingSchema, req, res);
    if (!data || !body) return;
    credits.setRemaining(data.account.id, body.remaining);
    res.json(creditsOf(data));
  });

  control.get('/request-cap', (_req, res) => void res.json(requestCap.settings));
  control.post('/request-cap', (req, res) => {
    const body = parseBody(RequestCapSchema, req, res);
    if (!body) return;
    requestCap.configure(body);
    res.json(requestCap.settings);
  });

  control.get('/accounts/:accountId/webhooks', (req, res) => {
    const data = accountOf(deps, req, res);
    if (data) res.json(data.webhooks);
  });
  control.get('/deliveries', (_req, res) => void res.json(webhooks.list()));
  control.get('/accounts/:accountId/deliveries', (req, res) => {
    const data = accountOf(deps, req, res);
    if (data) res.json(webhooks.list(data.account.id));
  });
  control.post('/deliveries/:messageId/redeliver', (req, res) => {
    const trigger = webhooks.redeliver(String(req.params.messageId));
    if (!trigger) return void res.status(404).json({ error: 'no such message' });
    res.status(202).json({ messageId: trigger.messageId });
  });

  control.use(controlWarehouse(deps));
  return control;
}
