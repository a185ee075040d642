/**
 * commercetools simulator control routes, mounted under `/__control` next to the kit's shared
 * ones (`GET /health`, `POST|GET|DELETE /faults`, `GET|DELETE /requests`, `POST /reset`).
 *
 * Projects and API clients:
 * - `POST /projects` `{ projectKey?, stores?: [key], scopes?: [scope], clientId?, clientSecret?,
 *   tokenValiditySeconds? }` → 201 `{ projectKey, clientId, clientSecret, scopes, stores }`.
 *   A scope is a full one (`manage_orders:pk:store`) or a bare permission (`manage_orders` →
 *   `manage_orders:<projectKey>`); default `manage_project`. An existing projectKey gets one more
 *   API client (and any new stores).
 * - `GET /projects/:projectKey` → its stores, clients and counts.
 * - `POST /projects/:projectKey/tokens/expire` (or `POST /tokens/expire` for every project) →
 *   `{ expired }`: every token issued so far is refused from now on.
 * - `GET /projects/:projectKey/messages`, `GET /projects/:projectKey/subscriptions`,
 *   `POST /projects/:projectKey/subscriptions/:id/status` `{ status }` (the health the platform
 *   reports).
 * - `GET /notifications` → every notification handed to a destination;
 *   `POST /notifications/payload-not-included` `{ count?, thresholdBytes? }`: the next `count`
 *   message payloads (and any above `thresholdBytes`) are sent with `payloadNotIncluded`.
 *
 * Orders: see `control-orders.ts`; Google Cloud Pub/Sub: see `pubsub-control.ts`.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { freshId, freshSecret } from '../../simulator-kit/account';
import { parseBody, projectOf, type ControlDeps } from './control-kit';
import { controlOrders } from './control-orders';
import { pubsubControl } from './pubsub-control';
import { formatScope, parseScope, type Scope } from './scopes';
import type { ApiClient, ProjectData } from './state';

const ProjectSchema = z.object({
  projectKey: z
    .string()
    .regex(/^[a-z0-9-]{2,36}$/)
    .optional(),
  stores: z.array(z.string().min(1)).default([]),
  scopes: z.array(z.string().min(1)).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  tokenValiditySeconds: z.number().int().positive().optional(),
});

const StatusSchema = z.object({
  status: z.enum([
    'Healthy',
    'ConfigurationError',
    'ConfigurationErrorDeliveryStopped',
    'TemporaryError',
    'ManuallySuspended',
  ]),
});

const PayloadSchema = z.object({
  count: z.number().int().nonnegative().optional(),
  thresholdBytes: z.number().int().positive().optional(),
});

function scopesFor(projectKey: string, texts: string[]): Scope[] | string {
  const scopes: Scope[] = [];
  for (const text of texts) {
    const scope = parseScope(text.includes(':') ? text : `${text}:${projectKey}`);
    if (!scope || scope.projectKey !== projectKey) return text;
    scopes.push(scope);
  }
  return scopes;
}

const clientJson = (project: ProjectData, client: ApiClient) => ({
  projectKey: project.key,
  clientId: client.clientId,
  clientSecret: client.clientSecret,
  scopes: client.scopes.map(formatScope),
  stores: [...project.stores],
  tokenValiditySeconds: client.tokenValiditySeconds,
});

/** Every control route of the commercetools simulator. */
export function commercetoolsControl(deps: ControlDeps): Router {
  const { state, tokens, delivery } = deps;
  const control = express.Router();

  control.post('/projects', (req, res) => {
    const body = parseBody(ProjectSchema, req, res);
    if (!body) return;
    const projectKey = body.projectKey ?? freshId('project-');
    const scopes = scopesFor(projectKey, body.scopes ?? ['manage_project']);
    if (typeof scopes === 'string') {
      return void res.status(400).json({ error: `not a scope of ${projectKey}: ${scopes}` });
    }
    // A store-scoped permission names a store, which the project then has.
    const scopedStores = scopes.flatMap((scope) => (scope.storeKey ? [scope.storeKey] : []));
    const project = state.openProject(projectKey, [...body.stores, ...scopedStores]);
    const client: ApiClient = {
      clientId: body.clientId ?? freshSecret().slice(0, 24),
      clientSecret: body.clientSecret ?? freshSecret() + freshSecret(),
      scopes,
      tokenValiditySeconds: body.tokenValiditySeconds ?? deps.tokenValiditySeconds,
    };
    if (state.clientById(client.clientId)) {
      return void res.status(409).json({ error: `client ${client.clientId} exists` });
    }
    project.clients.set(client.clientId, client);
    res.status(201).json(clientJson(project, client));
  });

  control.get('/projects/:projectKey', (req, res) => {
    const project = projectOf(deps, req, res);
    if (!project) return;
    res.json({
      projectKey: project.key,
      stores: [...project.stores],
      clients: [...project.clients.values()].map((client) => clientJson(project, client)),
      orders: project.orders.size,
      types: project.types.size,
      messages: project.messages.length,
      subscriptions: project.subscriptions.size,
    });
  });

  control.post('/projects/:projectKey/tokens/expire', (req, res) => {
    const project = projectOf(deps, req, res);
    if (project) res.json({ expired: tokens.expireAll(project.key) });
  });
  control.post('/tokens/expire', (_req, res) => void res.json({ expired: tokens.expireAll() }));

  control.get('/projects/:projectKey/messages', (req, res) => {
    const project = projectOf(deps, req, res);
    if (project) res.json(project.messages);
  });

  control.get('/projects/:projectKey/subscriptions', (req, res) => {
    const project = projectOf(deps, req, res);
    if (project) res.json([...project.subscriptions.values()]);
  });

  control.post('/projects/:projectKey/subscriptions/:id/status', (req, res) => {
    const project = projectOf(deps, req, res);
    const body = project && parseBody(StatusSchema, req, res);
    if (!project || !body) return;
    const subscription = project.subscriptions.get(String(req.params.id));
    if (!subscription) return void res.status(404).json({ error: 'no such subscription' });
    subscription.status = body.status;
    res.json(subscription);
  });

  control.get('/notifications', (_req, res) => void res.json(delivery.sent));
  control.post('/notifications/payload-not-included', (req, res) => {
    const body = parseBody(PayloadSchema, req, res);
    if (!body) return;
    delivery.limits = {
      thresholdBytes: body.thresholdBytes ?? delivery.limits.thresholdBytes,
      forceNext: body.count ?? delivery.limits.forceNext,
    };
    res.json(delivery.limits);
  });

  control.use(controlOrders(deps));
  control.use(pubsubControl(deps));
  return control;
}
