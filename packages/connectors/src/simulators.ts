import { openAfterShipAccount } from './aftership/simulator/account';
import { startAfterShipSimulator } from './aftership/simulator';
import { openBigCommerceAccount } from './bigcommerce/simulator/account';
import { startBigCommerceSimulator } from './bigcommerce/simulator';
import { CONNECTORS, type AnyConnector, type ProviderId } from './registry';
import { openShipStationAccount } from './shipstation/simulator/account';
import { startShipStationSimulator } from './shipstation/simulator';
import type { OpenAccount, SimulatorAccount } from './simulator-kit/account';

export type {
  ConnectedAccount,
  OpenAccountOptions,
  SimulatorAccount,
} from './simulator-kit/account';

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

interface SimulatorDefinition<P extends ProviderId> {
  start(options: {
    host: string;
    port: number;
    quota: number | undefined;
  }): Promise<{ url: string; close(): Promise<void> }>;
  /** A fresh merchant account in the running simulator, ready to connect to the hub. */
  openAccount: OpenAccount<SimulatorAccount<P>>;
}

/** How each provider's simulator starts and opens accounts; keyed by the registry, so none is left out. */
const DEFINITIONS = {
  bigcommerce: {
    start: ({ host, port, quota }) =>
      startBigCommerceSimulator({
        host,
        port,
        ...(quota ? { quota: { limit: quota, windowMs: 30_000 } } : {}),
      }),
    openAccount: openBigCommerceAccount,
  },
  shipstation: {
    start: ({ host, port, quota }) =>
      startShipStationSimulator({
        host,
        port,
        ...(quota ? { quota: { limit: quota, windowMs: 60_000 } } : {}),
      }),
    openAccount: openShipStationAccount,
  },
  aftership: {
    // AfterShip's limits are per endpoint and per second; the simulator keeps its published ones.
    start: ({ host, port }) => startAfterShipSimulator({ host, port }),
    openAccount: openAfterShipAccount,
  },
} satisfies { [P in ProviderId]: SimulatorDefinition<P> };

/** The account a provider's simulator opens, with the fields only that provider has. */
export type SimulatorAccountOf<P extends ProviderId> = Awaited<
  ReturnType<(typeof DEFINITIONS)[P]['openAccount']>
>;

/** One provider's simulator as the loops over the registry see it. */
export type SimulatorEntry = {
  [P in ProviderId]: {
    provider: P;
    /** The provider's descriptor: its roles, and whether the hub registers its webhooks. */
    connector: AnyConnector;
    start: SimulatorDefinition<P>['start'];
    openAccount: OpenAccount<SimulatorAccountOf<P>>;
  };
}[ProviderId];

/** Every provider's simulator, in registry order: what the demo, the tests and the bench loop over. */
export const SIMULATORS: readonly SimulatorEntry[] = CONNECTORS.map(
  // DEFINITIONS is keyed by the same id, so each entry's parts belong to one provider.
  (connector) =>
    ({ provider: connector.id, connector, ...DEFINITIONS[connector.id] }) as SimulatorEntry,
);

/** Every provider simulator, started together (the demo, the tests, the benchmark). */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? '127.0.0.1';
  const running: { provider: ProviderId; url: string; close(): Promise<void> }[] = [];
  const closeAll = async () => {
    await Promise.all(running.map((simulator) => simulator.close()));
  };
  try {
    for (const { provider, start } of SIMULATORS) {
      const started = await start({
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
