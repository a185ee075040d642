import { startAfterShipSimulator } from './aftership';
import { startBigCommerceSimulator } from './bigcommerce';
import { startShipStationSimulator } from './shipstation';

export interface SimulatorOptions {
  host?: string;
  /** 0 = any free port (tests). */
  ports?: { bigcommerce?: number; shipstation?: number; aftership?: number };
  /** Requests per window; defaults are the providers' real quotas. */
  quotas?: { bigcommerce?: number; shipstation?: number };
}

export interface RunningSimulators {
  urls: { bigcommerce: string; shipstation: string; aftership: string };
  close(): Promise<void>;
}

/** Every provider simulator, started together (the demo, the tests, the benchmark). */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? '127.0.0.1';
  const bigcommerce = await startBigCommerceSimulator({
    host,
    port: options.ports?.bigcommerce ?? 0,
    ...(options.quotas?.bigcommerce
      ? { quota: { limit: options.quotas.bigcommerce, windowMs: 30_000 } }
      : {}),
  });
  const shipstation = await startShipStationSimulator({
    host,
    port: options.ports?.shipstation ?? 0,
    ...(options.quotas?.shipstation
      ? { quota: { limit: options.quotas.shipstation, windowMs: 60_000 } }
      : {}),
  });
  const aftership = await startAfterShipSimulator({ host, port: options.ports?.aftership ?? 0 });
  return {
    urls: { bigcommerce: bigcommerce.url, shipstation: shipstation.url, aftership: aftership.url },
    async close() {
      await Promise.all([bigcommerce.close(), shipstation.close(), aftership.close()]);
    },
  };
}
