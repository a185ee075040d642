import path from 'node:path';
import { CONNECTORS, type AnyConnector, type ProviderId } from './registry';
import type { SimulatorAccount } from './simulator-kit/account';
import type { SimulatorDefinition, SimulatorQuota } from './simulator-kit/definition';

export type {
  ConnectedAccount,
  OpenAccountOptions,
  SimulatorAccount,
} from './simulator-kit/account';
export type { SimulatorDefinition, SimulatorQuota } from './simulator-kit/definition';

export interface SimulatorOptions {
  host?: string;
  /** 0 = any free port (tests). */
  ports?: Partial<Record<ProviderId, number>>;
  /** Requests per window, for simulators that enforce a quota; defaults are the real ones. */
  quotas?: Partial<Record<ProviderId, number>>;
}

export interface RunningSimulators {
  urls: Record<ProviderId, string>;
  close(): Promise<void>;
}

/** One provider's simulator as the loops over the registry see it. */
export interface SimulatorEntry extends SimulatorDefinition<SimulatorAccount<ProviderId>> {
  provider: ProviderId;
  /** The provider's descriptor: its roles, and whether the hub registers its webhooks. */
  connector: AnyConnector;
}

/**
 * Every connector ships a simulator at `<provider>/simulator`, exporting `simulator`. They are
 * found by that convention, so a provider's folder and its registry line are all it takes, and
 * production code, which imports the registry only, never loads one.
 */
function simulatorOf(connector: AnyConnector): SimulatorEntry {
  const file = path.join(__dirname, connector.id, 'simulator');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- found by convention, see above
  const loaded = require(file) as { simulator?: SimulatorDefinition<SimulatorAccount<ProviderId>> };
  if (!loaded.simulator) {
    throw new Error(
      `${connector.id}/simulator exports no simulator (see simulator-kit/definition)`,
    );
  }
  return { provider: connector.id, connector, ...loaded.simulator };
}

/** Every provider's simulator, in registry order: what the demo, the tests and the bench loop over. */
export const SIMULATORS: readonly SimulatorEntry[] = CONNECTORS.map(simulatorOf);

/** The simulators app's settings for one provider: `BIGCOMMERCE_SIM_PORT`, `BIGCOMMERCE_SIM_QUOTA`. */
export const simulatorEnvVar = (provider: ProviderId, setting: 'PORT' | 'QUOTA'): string =>
  `${provider.toUpperCase()}_SIM_${setting}`;

function quotaOf(entry: SimulatorEntry, limit: number | undefined): SimulatorQuota | undefined {
  if (limit === undefined) return entry.quota;
  return entry.quota ? { ...entry.quota, limit } : undefined;
}

/** Every provider simulator, started together (the demo, the tests, the benchmark). */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? '127.0.0.1';
  const running: { provider: ProviderId; url: string; close(): Promise<void> }[] = [];
  const closeAll = async () => {
    await Promise.all(running.map((simulator) => simulator.close()));
  };
  try {
    for (const entry of SIMULATORS) {
      const quota = quotaOf(entry, options.quotas?.[entry.provider]);
      const started = await entry.start({
        host,
        port: options.ports?.[entry.provider] ?? 0,
        ...(quota ? { quota } : {}),
      });
      running.push({ provider: entry.provider, url: started.url, close: () => started.close() });
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    urls: Object.fromEntries(running.map((s) => [s.provider, s.url])) as Record<ProviderId, string>,
    close: closeAll,
  };
}
