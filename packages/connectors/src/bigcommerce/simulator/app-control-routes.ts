/*
 * Single-click app control routes of the BigCommerce simulator, mounted under /__control next
 * to those in control-routes.ts. No auth: they stand for the app's developer and the merchant,
 * so tests drive the flows the control panel page (`/manage/stores/:hash/apps`) offers a browser.
 *
 *   POST /__control/apps  {clientId, clientSecret, name, authCallbackUrl, loadCallbackUrl,
 *        uninstallCallbackUrl, removeUserCallbackUrl?, scopes?, accountUuid?} registers an app
 *        (again: replaces it) → 201 {clientId, name, scopes, accountUuid}
 *   GET  /__control/apps  → every registered app, without secrets
 *   GET  /__control/stores/:hash/apps  → [{clientId, name, installed, scopes}]
 *   POST /__control/stores/:hash/apps/:clientId/install  {user?} → {authCallbackUrl}: the auth
 *        callback with code, scope, context and account_uuid, where the browser would be sent;
 *        409 when installed already
 *   POST /__control/stores/:hash/apps/:clientId/load  {user?} → {url}: the load callback with a
 *        signed_payload_jwt; 409 when not installed
 *   POST /__control/stores/:hash/apps/:clientId/uninstall  → {uninstallCallback: {url, status,
 *        error?}, webhooks: [{id, url}]} once the token is revoked, the uninstall callback was
 *        called and store/app/uninstalled queued for the app's hooks; 409 when not installed
 *   POST /__control/stores/:hash/apps/:clientId/remove-user  {user} → {removeUserCallback: {url,
 *        status, error?}}: the remove-user callback, called with a payload naming `user`; 409
 *        when not installed or the app has no remove-user callback
 *
 * `user` is {id, email, username?, locale?}, the person clicking; the store owner by default.
 */
import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { parseControlBody } from '../../simulator-kit/simulator';
import { isProblem, type AppProblem, type BigCommerceAppFlows } from './app-flows';
import type { SimApp, SimApps, SimUser } from './apps-state';

const CallbackUrlSchema = z
  .string()
  .max(2_048)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'must be an http(s) URL',
  });

const NewAppSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    clientSecret: z.string().min(1).max(500),
    name: z.string().min(1).max(100),
    authCallbackUrl: CallbackUrlSchema,
    loadCallbackUrl: CallbackUrlSchema,
    uninstallCallbackUrl: CallbackUrlSchema,
    removeUserCallbackUrl: CallbackUrlSchema.optional(),
    scopes: z
      .array(z.string().regex(/^[a-z0-9_]{1,64}$/))
      .min(1)
      .max(50)
      .optional(),
    accountUuid: z.uuid().optional(),
  })
  .strict();

/** What an app asks for by default: orders, products, stock and the store's settings. */
const DEFAULT_SCOPES = [
  'store_v2_orders',
  'store_v2_products',
  'store_inventory',
  'store_v2_information_read_only',
];

const ClickSchema = z
  .object({
    user: z
      .object({
        id: z.number().int().nonnegative(),
        email: z.string().min(3).max(320),
        username: z.string().max(320).optional(),
        locale: z.string().max(35).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type ClickUser = NonNullable<z.infer<typeof ClickSchema>['user']>;

function userOf(input: ClickUser): SimUser;
function userOf(input: ClickUser | undefined): SimUser | undefined;
function userOf(input: ClickUser | undefined): SimUser | undefined {
  return (
    input && {
      id: input.id,
      email: input.email,
      username: input.username ?? input.email,
      locale: input.locale ?? 'en-US',
    }
  );
}

const summary = (app: SimApp) => ({
  clientId: app.clientId,
  name: app.name,
  scopes: app.scopes,
  accountUuid: app.accountUuid,
});

const problem = (res: Response, found: AppProblem) =>
  void res.status(found.status).json({ error: found.error });

export function appControlRoutes(apps: SimApps, flows: BigCommerceAppFlows): Router {
  const router = express.Router();

  router.post('/apps', (req, res) => {
    const input = parseControlBody(NewAppSchema, req, res);
    if (!input) return;
    const app = apps.register({
      ...input,
      removeUserCallbackUrl: input.removeUserCallbackUrl,
      scopes: input.scopes ?? DEFAULT_SCOPES,
    });
    res.status(201).json(summary(app));
  });

  router.get('/apps', (_req, res) => {
    res.json([...apps.apps.values()].map(summary));
  });

  router.get('/stores/:hash/apps', (req, res) => {
    const hash = String(req.params.hash);
    res.json(
      [...apps.apps.values()].map((app) => ({
        clientId: app.clientId,
        name: app.name,
        installed: apps.installOf(hash, app.clientId) !== undefined,
        scopes: apps.installOf(hash, app.clientId)?.scopes ?? [],
      })),
    );
  });

  router.post('/stores/:hash/apps/:clientId/install', (req, res) => {
    const click = parseControlBody(ClickSchema, req, res);
    if (!click) return;
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return problem(res, found);
    const url = flows.authorize(found, userOf(click.user));
    if (isProblem(url)) return problem(res, url);
    res.json({ authCallbackUrl: url });
  });

  router.post('/stores/:hash/apps/:clientId/load', (req, res) => {
    const click = parseControlBody(ClickSchema, req, res);
    if (!click) return;
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return problem(res, found);
    const url = flows.load(found, userOf(click.user));
    if (isProblem(url)) return problem(res, url);
    res.json({ url });
  });

  router.post('/stores/:hash/apps/:clientId/uninstall', async (req, res) => {
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return problem(res, found);
    const outcome = await flows.uninstall(found);
    if (isProblem(outcome)) return problem(res, outcome);
    res.json(outcome);
  });

  router.post('/stores/:hash/apps/:clientId/remove-user', async (req, res) => {
    const click = parseControlBody(ClickSchema.required({ user: true }), req, res);
    if (!click) return;
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return problem(res, found);
    const outcome = await flows.removeUser(found, userOf(click.user));
    if (isProblem(outcome)) return problem(res, outcome);
    res.json(outcome);
  });

  return router;
}
