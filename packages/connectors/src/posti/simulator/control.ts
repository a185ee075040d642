/**
 * Posti simulator control routes, mounted under `/__control` next to the kit's shared ones
 * (`GET /health`, `POST|GET|DELETE /faults`, `GET|DELETE /requests`, `POST /reset`). The kit's
 * `GET /webhooks` stays empty: Posti's callbacks have their own log, `GET /callbacks`.
 *
 * Accounts and shipments:
 * - `POST /accounts` `{ apiKey?, secret? }` → 201 `{ apiKey, secret }` (a fresh UUID and a
 *   32-hex-digit secret unless given); 409 for a key in use. The public test merchant
 *   (`00000000-0000-0000-0000-000000000000` / `1234567890ABCDEF`) always exists.
 * - `GET /accounts/:apiKey/shipments` → every shipment of the account (see `views.ts`): parcels,
 *   tracking codes, the Routing.Ids it answered, services, events.
 * - `GET /shipments/:reference` → one shipment, by uuid, tracking code or Consignment.Reference.
 * - `GET|POST /settings` `{ idempotentRoutingIds? }` → the settings (see `PostiSettings`).
 *
 * Faults:
 * - `POST /prinetti/faults` `{ status: 100|160|240, count?, endpoint?: 'create-shipment' |
 *   'get-shipping-label', message?, httpStatus? }` → 201 the queued faults; `GET`, `DELETE`.
 * - `POST /lookups/slow` `{ delayMs, count?, endpoints?: ['pickup-points' | 'shipping-methods'] }`
 *   → 201 the queued slow faults; `GET`, `DELETE`.
 *
 * Parcels and callbacks: see `control-tracking.ts`.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { parseControlBody } from '../../simulator-kit/simulator';
import { controlTracking, type TrackingControlDeps } from './control-tracking';
import type { LookupDelays } from './lookup-delays';
import { PrinettiFaultSchema, type PrinettiFaults } from './prinetti-faults';
import { shipmentView } from './views';

/** What the control routes work with. */
export interface ControlDeps extends TrackingControlDeps {
  prinettiFaults: PrinettiFaults;
  lookupDelays: LookupDelays;
}

const AccountSchema = z.object({
  apiKey: z.string().trim().min(1).max(100).optional(),
  secret: z.string().min(1).max(80).optional(),
});

const SettingsSchema = z.object({ idempotentRoutingIds: z.boolean().optional() });

const SlowSchema = z.object({
  delayMs: z.number().int().nonnegative().max(120_000),
  count: z.number().int().positive().optional(),
  endpoints: z
    .array(z.enum(['pickup-points', 'shipping-methods']))
    .min(1)
    .default(['pickup-points', 'shipping-methods']),
});

/** Every control route of the Posti simulator. */
export function postiControl(deps: ControlDeps): Router {
  const { state, prinettiFaults, lookupDelays } = deps;
  const control = express.Router();

  control.post('/accounts', (req, res) => {
    const body = parseControlBody(AccountSchema, req, res);
    if (!body) return;
    const account = state.openAccount(body.apiKey, body.secret);
    if (!account) return void res.status(409).json({ error: `api key ${body.apiKey} is in use` });
    res.status(201).json({ apiKey: account.apiKey, secret: account.secret });
  });

  control.get('/accounts/:apiKey/shipments', (req, res) => {
    const apiKey = String(req.params.apiKey);
    if (!state.account(apiKey)) return void res.status(404).json({ error: 'no such account' });
    res.json(state.shipmentsOf(apiKey).map(shipmentView));
  });

  control.get('/shipments/:reference', (req, res) => {
    const shipment = state.findShipment(String(req.params.reference));
    if (!shipment) return void res.status(404).json({ error: 'no such shipment' });
    res.json(shipmentView(shipment));
  });

  control.get('/settings', (_req, res) => void res.json(state.settings));
  control.post('/settings', (req, res) => {
    const body = parseControlBody(SettingsSchema, req, res);
    if (!body) return;
    state.settings = { ...state.settings, ...body };
    res.json(state.settings);
  });

  control.get('/prinetti/faults', (_req, res) => void res.json(prinettiFaults.list()));
  control.post('/prinetti/faults', (req, res) => {
    const body = parseControlBody(PrinettiFaultSchema, req, res);
    if (!body) return;
    prinettiFaults.add(body);
    res.status(201).json(prinettiFaults.list());
  });
  control.delete('/prinetti/faults', (_req, res) => {
    prinettiFaults.clear();
    res.status(204).end();
  });

  control.get('/lookups/slow', (_req, res) => void res.json(lookupDelays.list()));
  control.post('/lookups/slow', (req, res) => {
    const body = parseControlBody(SlowSchema, req, res);
    if (!body) return;
    lookupDelays.add(body.delayMs, body.count, body.endpoints);
    res.status(201).json(lookupDelays.list());
  });
  control.delete('/lookups/slow', (_req, res) => {
    lookupDelays.clear();
    res.status(204).end();
  });

  control.use(controlTracking(deps));
  return control;
}
