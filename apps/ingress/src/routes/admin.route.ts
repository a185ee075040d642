import express, { Router, type Request } from 'express';
import { z } from 'zod';
import {
  connectorsWithRole,
  StoreSettingsSchema,
  type Ports,
  type StoreSettings,
  type ProviderId,
} from '@shiplink/connectors';
import type { Repos } from '@shiplink/db';
import type { Logger } from '@shiplink/logger';
import { listDeadLetters, QUEUES, requestReplay, type JobProducer } from '@shiplink/jobs';
import { recordAdminActions } from '../auth/admin-actions';
import { authenticate, type AuthenticationDeps } from '../auth/authenticate';
import { authorize, platformOnly } from '../auth/permissions';
import { scopeOf } from '../auth/principal';
import { guardTenantRows } from '../auth/tenant-guard';
import { parseBody as body } from '../http/body';
import { displayName, idParam, textParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import {
  NewConnectionSchema,
  RotateSecretSchema,
  type ConnectionsService,
} from '../services/connections.service';
import { AccountsService } from '../services/accounts.service';
import { DeadLettersService } from '../services/dead-letters.service';
import { LabelsService } from '../services/labels.service';
import { ReturnsService } from '../services/returns.service';
import { ReviewsService } from '../services/reviews.service';
import { RoutingRulesService } from '../services/routing-rules.service';
import { orderTimeline, trackingTimeline } from '../services/timeline.service';
import { accountsApi } from './accounts.route';
import { analyticsApi } from './analytics.route';
import { orderStoryApi } from './order-story.route';
import { deadLettersApi } from './dead-letters.route';
import { labelsApi } from './labels.route';
import { notificationTemplatesApi } from './notification-templates.route';
import { trackingLinksApi } from './tracking-links.route';
import { ratesAdminApi } from './rates-admin.route';
import { reconciliationApi } from './reconciliation.route';
import { returnsApi } from './returns.route';
import { reviewsApi } from './reviews.route';
import { routingRulesApi } from './routing-rules.route';

/** A store lives on a provider that plays the store role. */
const STORE_PLATFORMS = connectorsWithRole('store').map((connector) => connector.id) as [
  ProviderId,
  ...ProviderId[],
];

const NewTenantSchema = z.object({ name: displayName });
const NewStoreSchema = z.object({
  name: displayName,
  platform: z.enum(STORE_PLATFORMS),
  /**
   * The store's own reference on its platform, as its webhooks and API paths name it (a
   * BigCommerce store hash, a commercetools project key).
   */
  externalRef: z
    .string()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/i),
  settings: StoreSettingsSchema.optional(),
});
const ReplaySchema = z.union([
  z.object({ dlqJobId: z.string().min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
const QueueSchema = z.enum(QUEUES);

/** A tracking page slug or host name is one store's: another store's is refused with 409. */
async function requireOwnTrackingPage(
  repos: Repos,
  storeId: string | null,
  settings: StoreSettings,
): Promise<void> {
  const taken = await repos.trackingPages.claimedElsewhere(storeId, settings.trackingPage);
  if (taken.length > 0) {
    throw new HttpProblem(
      409,
      'tracking_page_taken',
      'another store serves its tracking page there',
      taken.map((claim) => `trackingPage: ${claim} is another store's`),
    );
  }
}

function queueParam(req: Request) {
  const queue = QueueSchema.safeParse(req.params.queue);
  if (!queue.success)
    throw new HttpProblem(404, 'unknown_queue', `queues are: ${QUEUES.join(', ')}`);
  return queue.data;
}

/**
 * The admin API, for the operator (ADMIN_TOKEN), a tenant's API tokens and console sessions: set
 * up tenants, stores (and their settings) and connections, register webhooks, answer "what
 * happened to order 1234?" and "where are its parcels?", look at / replay dead letters, and work
 * the review queue (see reviews.route.ts). Everything a caller names or lists is its tenant's.
 */
export function adminApi(deps: {
  auth: AuthenticationDeps;
  logger: Logger;
  repos: Repos;
  producer: JobProducer;
  connections: ConnectionsService;
  /**
   * The fulfilment port checks a manually mapped SKU against the system's catalog; the shipments
   * port fetches a label the carrier could not give when the consignment was made; the store
   * port reads the order a routing dry run is tried on.
   */
  ports: Pick<Ports, 'fulfilment' | 'providersFor' | 'shipments' | 'store' | 'has'>;
  /** Where stores' carrier connections reach the checkout callbacks. */
  publicUrl: string;
  /** Where customers reach the tracking page app, when it is deployed. */
  trackingPageUrl: string | undefined;
}): Router {
  const { repos, producer, connections } = deps;
  const router = Router();
  router.use(
    '/admin/api',
    authenticate(deps.auth),
    authorize,
    guardTenantRows(repos),
    recordAdminActions(repos, deps.logger),
    express.json({ limit: '64kb' }),
  );
  router.use(['/admin/api/queues', '/admin/api/inbox'], platformOnly);
  router.use(accountsApi({ repos, accounts: new AccountsService(repos) }));
  // Before `/orders/:orderNumber`, which would take `search` for an order number.
  router.use(orderStoryApi({ repos }));
  router.use(analyticsApi({ repos }));
  router.use(deadLettersApi({ deadLetters: new DeadLettersService(repos, producer) }));
  router.use(reviewsApi({ reviews: new ReviewsService(repos, producer, deps.ports), body }));
  router.use(ratesAdminApi({ repos, body, publicUrl: deps.publicUrl }));
  router.use(trackingLinksApi({ repos, trackingPageUrl: deps.trackingPageUrl }));
  router.use(labelsApi({ labels: new LabelsService(repos, deps.ports), body }));
  router.use(notificationTemplatesApi({ repos, body }));
  router.use(reconciliationApi({ repos }));
  router.use(returnsApi({ returns: new ReturnsService(repos, producer), body }));
  router.use(routingRulesApi({ routing: new RoutingRulesService(repos, deps.ports), body }));

  router.post(
    '/admin/api/tenants',
    platformOnly,
    route(async (req, res) => {
      res.status(201).json(await repos.tenancy.createTenant(body(NewTenantSchema, req).name));
    }),
  );

  router.post(
    '/admin/api/tenants/:tenantId/stores',
    route(async (req, res) => {
      const tenantId = idParam(req, 'tenantId');
      const input = body(NewStoreSchema, req);
      const tenant = await repos.tenancy.getTenant(tenantId);
      if (!tenant) throw new HttpProblem(404, 'unknown_tenant', 'no such tenant');
      // Stored with every default filled in, so what a store does is visible in its settings.
      const settings = input.settings ?? StoreSettingsSchema.parse({});
      await requireOwnTrackingPage(repos, null, settings);
      res
        .status(201)
        .json(await repos.tenancy.createStore({ tenantId: tenant.id, ...input, settings }));
    }),
  );

  router.get(
    '/admin/api/stores/:storeId/connections',
    route(async (req, res) => {
      const all = await repos.tenancy.listStoreConnections(idParam(req, 'storeId'));
      res.json(
        all.map((connection) => ({
          ...connections.present(connection),
          active: connection.active,
        })),
      );
    }),
  );

  router.post(
    '/admin/api/stores/:storeId/connections',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const created = await connections.create(storeId, body(NewConnectionSchema, req));
      res.status(201).json(created);
    }),
  );

  router.get(
    '/admin/api/stores',
    route(async (_req, res) => {
      res.json(await repos.tenancy.listStores(scopeOf(res)));
    }),
  );

  router.get(
    '/admin/api/stores/:storeId',
    route(async (req, res) => {
      const store = await repos.tenancy.getStore(idParam(req, 'storeId'));
      if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
      res.json(store);
    }),
  );

  router.get(
    '/admin/api/connections/:connectionId/health',
    route(async (req, res) => {
      res.json(await connections.health(idParam(req, 'connectionId')));
    }),
  );

  router.get(
    '/admin/api/connections/:connectionId',
    route(async (req, res) => {
      const connection = await repos.tenancy.findConnection(idParam(req, 'connectionId'));
      if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
      res.json(connections.present(connection));
    }),
  );

  router.post(
    '/admin/api/connections/:connectionId/webhook-secret',
    route(async (req, res) => {
      const input = body(RotateSecretSchema, req);
      res.json(await connections.rotateSecret(idParam(req, 'connectionId'), input));
    }),
  );

  router.post(
    '/admin/api/connections/:connectionId/polls',
    route(async (req, res) => {
      res.status(202).json(await connections.pollNow(idParam(req, 'connectionId')));
    }),
  );

  router.post(
    '/admin/api/connections/:connectionId/webhooks',
    route(async (req, res) => {
      res.json(await connections.registerWebhooks(idParam(req, 'connectionId')));
    }),
  );

  router.get(
    '/admin/api/orders/:orderNumber',
    route(async (req, res) => {
      const orderNumber = textParam(req, 'orderNumber', 100);
      const [orders, audit] = await Promise.all([
        repos.orders.findByNumber(scopeOf(res), orderNumber),
        repos.audit.forOrder(scopeOf(res), orderNumber),
      ]);
      if (orders.length === 0 && audit.length === 0) {
        throw new HttpProblem(404, 'unknown_order', `nothing is known about order ${orderNumber}`);
      }
      res.json({
        orders: orders.map(({ canonical: _canonical, ...order }) => order),
        audit: audit.map((entry) => ({ ...entry, id: entry.id.toString() })),
      });
    }),
  );

  router.get(
    '/admin/api/orders/:orderNumber/timeline',
    route(async (req, res) => {
      res.json(await orderTimeline(repos, scopeOf(res), textParam(req, 'orderNumber', 100)));
    }),
  );

  router.get(
    '/admin/api/trackings/:trackingNumber',
    route(async (req, res) => {
      const trackingNumber = textParam(req, 'trackingNumber', 100);
      res.json(await trackingTimeline(repos, scopeOf(res), trackingNumber));
    }),
  );

  router.put(
    '/admin/api/stores/:storeId/settings',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const settings = body(StoreSettingsSchema, req);
      const store = await repos.tenancy.getStore(storeId);
      if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
      await requireOwnTrackingPage(repos, store.id, settings);
      res.json((await repos.tenancy.updateStoreSettings(store.id, settings)).settings);
    }),
  );

  router.get(
    '/admin/api/queues/:queue/dead-letters',
    route(async (req, res) => {
      res.json(await listDeadLetters(producer, queueParam(req)));
    }),
  );

  router.post(
    '/admin/api/queues/:queue/dead-letters/replay',
    route(async (req, res) => {
      const selector = body(ReplaySchema, req);
      res.json({ replayRequested: await requestReplay(producer, queueParam(req), selector) });
    }),
  );

  router.get(
    '/admin/api/inbox',
    route(async (_req, res) => {
      const counts = await repos.inbox.countByStatus();
      res.json(Object.fromEntries(counts.map((c) => [c.status, c._count._all])));
    }),
  );

  return router;
}
