import { assembleSimulator, listen, type Simulator } from '../../simulator-kit/simulator';
import { afterShipApi } from './api';
import { afterShipControl } from './control';
import { afterShipFaults, EndpointQuotas } from './responses';
import { AfterShipSimState } from './state';
import { AfterShipWebhooks, AFTERSHIP_SIM_RETRY_DELAYS_MS } from './webhooks';
import { defineSimulator } from '../../simulator-kit/definition';
import { openAfterShipAccount } from './account';

export type { AfterShipSimAccount } from './account';

export { afterShipRetryScheduleMs, AFTERSHIP_SIM_RETRY_DELAYS_MS } from './webhooks';
export { AFTERSHIP_JOURNEY_NAMES, type AfterShipJourneyName } from './journeys';
export { AfterShipSimState, type AfterShipSimRecord } from './state';

/** The key the simulator accepts out of the box (more through `POST /__control/api-keys`). */
export const AFTERSHIP_SIM_API_KEY = 'sim-aftership-key';

export interface AfterShipSimulatorOptions {
  apiKeys?: string[];
  /** Delays before each webhook retry; defaults to AfterShip's schedule scaled down 1000×. */
  webhookRetryDelaysMs?: number[];
  /** The clock for tracking and checkpoint timestamps (rate-limit windows use real time). */
  now?: () => number;
  /** Per-endpoint requests per second, e.g. `{ 'GET /trackings/{id}': 2 }`; default: published. */
  rateLimits?: Record<string, number>;
}

export interface AfterShipSimulator extends Simulator {
  state: AfterShipSimState;
  webhooks: AfterShipWebhooks;
  quotas: EndpointQuotas;
  /** Stops pending webhook retries. */
  close(): void;
}

/** An AfterShip Tracking (API 2025-01) simulator as an Express app, not yet listening. */
export function createAfterShipSimulator(
  options: AfterShipSimulatorOptions = {},
): AfterShipSimulator {
  const now = options.now ?? Date.now;
  const state = new AfterShipSimState(now);
  const webhooks = new AfterShipWebhooks(
    options.webhookRetryDelaysMs ?? AFTERSHIP_SIM_RETRY_DELAYS_MS,
    now,
  );
  const quotas = new EndpointQuotas();
  const applyLimits = () => {
    for (const [endpoint, limit] of Object.entries(options.rateLimits ?? {})) {
      quotas.setLimit(endpoint, limit);
    }
  };
  applyLimits();
  const apiKeys = new Set(options.apiKeys ?? [AFTERSHIP_SIM_API_KEY]);
  const initialKeys = [...apiKeys];
  const simulator = assembleSimulator({
    name: 'aftership',
    responder: afterShipFaults,
    api: afterShipApi({ state, quotas, webhooks, apiKeys, now }),
    control: afterShipControl({ state, webhooks, quotas, apiKeys }),
    webhooks: webhooks.sender,
    reset() {
      state.reset();
      webhooks.reset();
      quotas.reset();
      applyLimits();
      apiKeys.clear();
      for (const key of initialKeys) apiKeys.add(key);
    },
  });
  return { ...simulator, state, webhooks, quotas, close: () => webhooks.close() };
}

export interface RunningAfterShipSimulator {
  url: string;
  port: number;
  state: AfterShipSimState;
  simulator: AfterShipSimulator;
  close(): Promise<void>;
}

export async function startAfterShipSimulator(
  options: AfterShipSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningAfterShipSimulator> {
  const { port, host, ...rest } = options;
  const simulator = createAfterShipSimulator(rest);
  const server = await listen(simulator.app, port ?? 0, host ?? '127.0.0.1');
  return {
    url: server.url,
    port: server.port,
    state: simulator.state,
    simulator,
    async close() {
      simulator.close();
      await server.close();
    },
  };
}

/** AfterShip's limits are per endpoint and per second; the simulator always keeps its published ones. */
export const simulator = defineSimulator({
  defaultPort: 4103,
  start: ({ host, port }) => startAfterShipSimulator({ host, port }),
  openAccount: openAfterShipAccount,
});
