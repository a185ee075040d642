import { startSimulators, type RunningSimulators } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { AdminClient, type ProviderAccounts, type StoreSetup } from './admin-client';
import { randomSecret, startHub, type HubOptions, type RunningHub } from './hub';

export interface Sandbox {
  simulators: RunningSimulators;
  hub: RunningHub;
  admin: AdminClient;
  setup: StoreSetup;
  storeHash: string;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  aftership: SimulatorControl;
  close(): Promise<void>;
}

export interface SandboxOptions extends HubOptions {
  quotas?: { bigcommerce?: number; shipstation?: number };
  shipstationSettings?: object;
  /** Also connect an AfterShip account, with its webhooks pointed at the hub. */
  tracking?: boolean;
}

/**
 * Simulators + hub + one connected store, in this process: the world the end-to-end tests and
 * the benchmark run in. Provider accounts are created in the simulators first, exactly as a
 * merchant would have them before connecting.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const simulators = await startSimulators(options.quotas ? { quotas: options.quotas } : {});
  const hub = await startHub(options);
  const bigcommerce = new SimulatorControl(simulators.urls.bigcommerce);
  const shipstation = new SimulatorControl(simulators.urls.shipstation);
  const { accounts } = await openProviderAccounts(simulators.urls);
  const storeHash = accounts.bigcommerce.storeHash;
  const admin = new AdminClient(hub.ingressUrl, hub.env.ADMIN_TOKEN!);
  const setup = await admin.connectStore(
    'Sandbox Outfitters',
    accounts,
    options.shipstationSettings,
  );
  const aftership = new SimulatorControl(simulators.urls.aftership);
  if (options.tracking)
    setup.connections.aftership = await connectAfterShip(admin, aftership, setup.storeId);
  return {
    simulators,
    hub,
    admin,
    setup,
    storeHash,
    bigcommerce,
    shipstation,
    aftership,
    async close() {
      await hub.close();
      await simulators.close();
    },
  };
}

/**
 * A merchant's BigCommerce store and ShipStation account, opened in the simulators with fresh
 * credentials, before anything is connected to the hub.
 */
export async function openProviderAccounts(urls: RunningSimulators['urls']) {
  const storeHash = `s${randomSecret()
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 8)
    .toLowerCase()}`;
  const accounts: ProviderAccounts = {
    bigcommerce: {
      url: urls.bigcommerce,
      storeHash,
      accessToken: randomSecret(),
      clientSecret: randomSecret(),
    },
    shipstation: { url: urls.shipstation, apiKey: randomSecret(), apiSecret: randomSecret() },
  };
  const store = await new SimulatorControl(urls.bigcommerce).post<{ storeId: string | number }>(
    '/stores',
    {
      hash: storeHash,
      accessToken: accounts.bigcommerce.accessToken,
      clientSecret: accounts.bigcommerce.clientSecret,
    },
  );
  await new SimulatorControl(urls.shipstation).post('/accounts', {
    apiKey: accounts.shipstation.apiKey,
    apiSecret: accounts.shipstation.apiSecret,
  });
  return { accounts, bigCommerceStoreId: String(store.storeId) };
}

/**
 * The store's AfterShip account, as a merchant sets it up: an API key, the connection in the hub,
 * and the hub's webhook URL added in AfterShip's admin with the secret AfterShip shows there.
 */
export async function connectAfterShip(
  admin: AdminClient,
  aftership: SimulatorControl,
  storeId: string,
) {
  const account = { url: aftership.baseUrl, apiKey: randomSecret(), webhookSecret: randomSecret() };
  await aftership.post('/api-keys', { key: account.apiKey });
  const connection = await admin.connectAfterShip(storeId, account);
  await aftership.post('/webhook-endpoints', {
    url: connection.webhookUrl,
    secret: account.webhookSecret,
  });
  return { ...connection, webhookSecret: account.webhookSecret };
}
