import { startAfterShipSimulator } from './aftership/simulator';
import { startBigCommerceSimulator } from './bigcommerce/simulator';
import type { ProviderId } from './registry';
import { startShipStationSimulator } from './shipstation/simulator';

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

interface SimulatorEntry {
  start(options: {
    host: string;
    port: number;
    quota: number | undefined;
  }): Promise<{ url: string; close(): Promise<void> }>;
}

/** How each provider's simulator starts; keyed by the registry, so none can be left out. */
const SIMULATORS: { [P in ProviderId]: SimulatorEntry } = {
  bigcommerce: {
    start: ({ host, port, quota }) =>
      startBigCommerceSimulator({
        host,
        port,
        ...(quota ? { quota: { limit: quota, windowMs: 30_000 } } : {}),
      }),
  },
  shipstation: {
    start: ({ host, port, quota }) =>
      startShipStationSimulator({
        host,
        port,
        ...(quota ? { quota: { limit: quota, windowMs: 60_000 } } : {}),
      }),
  },
  // AfterShip's limits are per endpoint and per second; the simulator keeps its published ones.
  aftership: { start: ({ host, port }) => startAfterShipSimulator({ host, port }) },
};

/** Every provider simulator, started together (the demo, the tests, the benchmark). */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? '127.0.0.1';
  const running: { provider: ProviderId; url: string; close(): Promise<void> }[] = [];
  const closeAll = async () => {
    await Promise.all(running.map((simulator) => simulator.close()));
  };
  try {
    for (const provider of Object.keys(SIMULATORS) as ProviderId[]) {
      const started = await SIMULATORS[provider].start({
        host,
        port: options.ports?.[provider] ?? 0,
        quota: options.quotas?.[provider],
      });
      running.push({ provider, url: started.url, close: () => started.close() });
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
