import type { NextFunction, Request, Response } from 'express';
import { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import { assembleSimulator, listen, type Simulator } from '../../simulator-kit/simulator';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { SHIPSTATION_DEFAULT_BUDGET } from '../profile';
import { apiRouter } from './api-routes';
import { controlRouter } from './control-routes';
import { faultResponder } from './http';
import { ShipStationState } from './state';
import { createWebhookSender } from './webhooks';

export interface ShipStationSimulatorOptions {
  /** Where webhook receivers reach this simulator (resource_url); set on start. */
  publicUrl?: string;
  /** Per API key; ShipStation's is 40 per 60 s. Demos and benchmarks raise it. */
  quota?: { limit: number; windowMs: number };
  /** API key pairs that may call from the start; more via POST /__control/accounts. */
  accounts?: { apiKey: string; apiSecret: string }[];
  /** Delays between webhook delivery attempts (SHIP_NOTIFY, ORDER_NOTIFY, …). */
  webhookRetryDelaysMs?: number[];
  now?: () => number;
  timeZone?: string;
}

export interface ShipStationSimulator {
  simulator: Simulator;
  state: ShipStationState;
  quota: FixedWindowQuota;
  webhooks: WebhookSender;
}

/** A ShipStation V1 simulator app, not yet listening. */
export function createShipStationSimulator(
  options: ShipStationSimulatorOptions = {},
): ShipStationSimulator {
  const now = options.now ?? Date.now;
  const state = new ShipStationState(now, options.timeZone);
  state.publicUrl = (options.publicUrl ?? '').replace(/\/+$/, '');
  for (const account of options.accounts ?? []) state.addAccount(account.apiKey, account.apiSecret);
  const { limit, windowMs } = options.quota ?? SHIPSTATION_DEFAULT_BUDGET;
  const quota = new FixedWindowQuota(limit, windowMs, now);
  const webhooks = createWebhookSender(options.webhookRetryDelaysMs);

  const simulator = assembleSimulator({
    name: 'shipstation',
    responder: faultResponder(quota),
    api: apiRouter(state, quota, webhooks),
    control: controlRouter(state, quota, webhooks),
    webhooks,
    reset: () => {
      state.reset();
      quota.reset();
    },
  });
  // A body that is not JSON gets ASP.NET's 400 instead of Express's HTML page.
  simulator.app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status =
      typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    if (status >= 400 && status < 500) {
      res.status(400).json({ Message: 'The request is invalid.' });
      return;
    }
    res.status(500).json({ Message: 'An error has occurred.' });
  });
  return { simulator, state, quota, webhooks };
}

export interface RunningShipStationSimulator extends ShipStationSimulator {
  url: string;
  close(): Promise<void>;
}

/** Starts the simulator on `host:port` (port 0 = any free port). */
export async function startShipStationSimulator(
  options: ShipStationSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningShipStationSimulator> {
  const created = createShipStationSimulator(options);
  const server = await listen(created.simulator.app, options.port ?? 0, options.host);
  if (!created.state.publicUrl) created.state.publicUrl = server.url;
  return {
    ...created,
    url: server.url,
    close: async () => {
      created.webhooks.close();
      await server.close();
    },
  };
}
