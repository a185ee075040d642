import express from 'express';
import { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import { assembleSimulator, listen, type Simulator } from '../../simulator-kit/simulator';
import { appControlRoutes } from './app-control-routes';
import { BigCommerceAppFlows } from './app-flows';
import { appPanelRoutes } from './app-panel-routes';
import { SimApps } from './apps-state';
import { WebhookSender, type WebhookDelivery } from '../../simulator-kit/webhook-sender';
import { CatalogEvents } from './catalog-events';
import { catalogRoutes } from './catalog-routes';
import { catalogWriteRoutes } from './catalog-write-routes';
import { checkoutRoutes } from './checkout-routes';
import { controlRoutes } from './control-routes';
import { BigCommerceEvents, DEFAULT_SIMULATED_RETRY_DELAYS_MS } from './events';
import { hooksRoutes } from './hooks-routes';
import { apiError, authAndQuota, bigCommerceFaultResponder } from './http';
import { inventoryControlRoutes } from './inventory-control-routes';
import { inventoryRoutes } from './inventory-routes';
import { oauthRoutes } from './oauth-routes';
import { BigCommerceOperations } from './operations';
import { ordersRoutes } from './orders-routes';
import { refundRoutes } from './refund-routes';
import { storeControlRoutes } from './store-control-routes';
import { storeRoutes } from './store-routes';
import { BigCommerceSimState, type NewStore } from './state';
import { defineSimulator } from '../../simulator-kit/definition';
import { openBigCommerceAccount } from './account';

export {
  BIGCOMMERCE_WEBHOOK_RETRY_SCHEDULE_SEC,
  DEFAULT_SIMULATED_RETRY_DELAYS_MS,
  bigCommerceScopeMatches,
} from './events';

export type { BigCommerceSimAccount } from './account';
export { PlaceOrderSchema, type PlaceOrderInput } from './order-factory';
export { BigCommerceSimState, type NewStore as BigCommerceNewStore } from './state';
export { SimApps as BigCommerceSimApps, type SimApp as BigCommerceSimApp } from './apps-state';

export interface BigCommerceSimulatorOptions {
  /** Requests per window per store; BigCommerce Standard/Plus is 150 per 30 s. */
  quota?: { limit: number; windowMs: number };
  /** Delays between delivery retries; BigCommerce's own schedule, scaled down, by default. */
  webhookRetryDelaysMs?: number[];
  /** Refuse hook destinations that are not HTTPS on 443, as BigCommerce does. Off by default. */
  strictDestinations?: boolean;
  /**
   * Filter `GET /v3/catalog/variants` by `sku:in`, as the live API does although its reference
   * lists only `sku`. Off answers as the reference reads: the filter is ignored. On by default.
   */
  variantSkuIn?: boolean;
  /** Stores to register at start. */
  stores?: NewStore[];
  /**
   * The simulator's clock (ms), for dates, the quota window and webhook timestamps (a clock far
   * from real time makes receivers refuse deliveries as stale).
   */
  now?: () => number;
}

export interface BigCommerceSimulator extends Simulator {
  state: BigCommerceSimState;
  /** Registered single-click apps, their installs and codes. */
  apps: SimApps;
  webhooks: WebhookSender;
  quota: FixedWindowQuota;
}

/**
 * A BigCommerce API (v2 orders, products, shipping addresses, consignments, shipments,
 * statuses, store information; v3 hooks, catalog products and variants (read and write),
 * inventory locations, items and absolute and relative adjustments, refund quotes and refunds)
 * under `/stores/{hash}`, with token auth, the per-store quota and its headers, signed webhooks
 * with retries, and a control API under `/__control`; plus single-click apps: the login
 * service's `POST /oauth2/token` and the control panel's Apps page (`/manage/stores/{hash}/apps`).
 */
export function createBigCommerceSimulator(
  options: BigCommerceSimulatorOptions = {},
): BigCommerceSimulator {
  const now = options.now ?? Date.now;
  const state = new BigCommerceSimState(now);
  const quota = new FixedWindowQuota(
    options.quota?.limit ?? 150,
    options.quota?.windowMs ?? 30_000,
    now,
  );
  const webhooks = new WebhookSender({
    retryDelaysMs: options.webhookRetryDelaysMs ?? [...DEFAULT_SIMULATED_RETRY_DELAYS_MS],
  });
  const apps = new SimApps(now);
  const events = new BigCommerceEvents(state, webhooks, apps);
  const appFlows = new BigCommerceAppFlows(state, apps, events);
  const ops = new BigCommerceOperations(state, events);
  const catalog = new CatalogEvents(events);
  const seed = () => {
    for (const store of options.stores ?? []) state.addStore(store);
  };
  seed();

  // No mount paths: the kit's request log reads `req.path` when the answer is sent.
  const api = express.Router();
  api.use(authAndQuota(state, quota));
  api.use(ordersRoutes(ops));
  api.use(storeRoutes());
  api.use(refundRoutes({ state, ops, events }));
  api.use(hooksRoutes(state, { strictDestinations: options.strictDestinations ?? false }));
  api.use(inventoryRoutes(catalog));
  api.use(catalogRoutes({ variantSkuIn: options.variantSkuIn ?? true }));
  api.use(catalogWriteRoutes(catalog));
  // The login service and the control panel live elsewhere at BigCommerce; here, one origin.
  api.use(oauthRoutes(state, apps));
  api.use(appPanelRoutes(state.stores, apps, appFlows));
  api.use((_req, res) => apiError(res, 404, 'The requested resource was not found.'));

  const simulator = assembleSimulator({
    name: 'bigcommerce',
    responder: bigCommerceFaultResponder(quota),
    api,
    control: express
      .Router()
      .use(
        controlRoutes({ state, ops, events, quota }),
        inventoryControlRoutes(state),
        storeControlRoutes(state),
        checkoutRoutes(state),
        appControlRoutes(apps, appFlows),
      ),
    webhooks,
    reset: () => {
      state.reset();
      apps.reset();
      quota.reset();
      seed();
    },
  });
  return { ...simulator, state, apps, webhooks, quota };
}

export interface RunningBigCommerceSimulator {
  url: string;
  state: BigCommerceSimState;
  simulator: BigCommerceSimulator;
  /** Every delivery attempt so far. */
  deliveries(): WebhookDelivery[];
  close(): Promise<void>;
}

export async function startBigCommerceSimulator(
  options: BigCommerceSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningBigCommerceSimulator> {
  const simulator = createBigCommerceSimulator(options);
  const server = await listen(simulator.app, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    url: server.url,
    state: simulator.state,
    simulator,
    deliveries: () => simulator.webhooks.list(),
    close: async () => {
      simulator.webhooks.close();
      await server.close();
    },
  };
}

/** BigCommerce's published quota is 150 requests per 30 s per store (Standard plan). */
export const simulator = defineSimulator({
  defaultPort: 4101,
  quota: { limit: 150, windowMs: 30_000 },
  start: (options) => startBigCommerceSimulator(options),
  openAccount: openBigCommerceAccount,
});
