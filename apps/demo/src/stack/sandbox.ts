import { startSimulators, type RunningSimulators } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { AdminClient, type StoreSetup } from './admin-client';
import { randomSecret, startHub, type HubOptions, type RunningHub } from './hub';

export interface Sandbox {
  simulators: RunningSimulators;
  hub: RunningHub;
  admin: AdminClient;
  setup: StoreSetup;
  storeHash: string;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  close(): Promise<void>;
}

/**
 * Simulators + hub + one connected store, in this process: the world the end-to-end tests and
 * the benchmark run in. Provider accounts are created in the simulators first, exactly as a
 * merchant would have them before connecting.
 */
export async function startSandbox(
  options: HubOptions & { quotas?: { bigcommerce?: number; shipstation?: number }; shipstationSettings?: object },
): Promise<Sandbox> {
  const simulators = await startSimulators(options.quotas ? { quotas: options.quotas } : {});
  const hub = await startHub(options);
  const bigcommerce = new SimulatorControl(simulators.urls.bigcommerce);
  const shipstation = new SimulatorControl(simulators.urls.shipstation);
  const storeHash = `s${randomSecret().replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()}`;
  const accounts = {
    bigcommerce: {
      url: simulators.urls.bigcommerce,
      storeHash,
      accessToken: randomSecret(),
      clientSecret: randomSecret(),
    },
    shipstation: { url: simulators.urls.shipstation, apiKey: randomSecret(), apiSecret: randomSecret() },
  };
  await bigcommerce.post('/stores', {
    hash: storeHash,
    accessToken: accounts.bigcommerce.accessToken,
    clientSecret: accounts.bigcommerce.clientSecret,
  });
  await shipstation.post('/accounts', { apiKey: accounts.shipstation.apiKey, apiSecret: accounts.shipstation.apiSecret });
  const admin = new AdminClient(hub.ingressUrl, hub.env.ADMIN_TOKEN!);
  const setup = await admin.connectStore('Sandbox Outfitters', accounts, options.shipstationSettings);
  return {
    simulators,
    hub,
    admin,
    setup,
    storeHash,
    bigcommerce,
    shipstation,
    async close() {
      await hub.close();
      await simulators.close();
    },
  };
}
