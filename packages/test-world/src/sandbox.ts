import type { ProviderId } from '@shiplink/connectors';
import {
  SIMULATORS,
  startSimulators,
  type RunningSimulators,
  type SimulatorAccount,
} from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { AdminClient, type StoreSetup } from './admin-client';
import { hubApp } from './app-install';
import { startHub, type HubOptions, type RunningHub } from './hub';

export interface Sandbox {
  simulators: RunningSimulators;
  hub: RunningHub;
  admin: AdminClient;
  setup: StoreSetup;
  /** The merchant's accounts in the simulators (`accountOf` finds one). */
  accounts: OpenedAccounts;
  storeHash: string;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  aftership: SimulatorControl;
  close(): Promise<void>;
}

export interface SandboxOptions extends HubOptions {
  quotas?: Partial<Record<ProviderId, number>>;
  shipstationSettings?: object;
  /** The store's warehouse: ShipStation unless told otherwise. */
  fulfilment?: ProviderId;
  /** The merchant's settings of the fulfilment connection (see `shipstationSettings`). */
  fulfilmentSettings?: Record<string, unknown>;
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
  const app = hubApp(options.queuePrefix, simulators.urls.bigcommerce);
  const hub = await startHub({ ...options, env: { ...app.env, ...options.env } });
  await app.register(hub.ingressUrl);
  const fulfilment = options.fulfilment ?? 'shipstation';
  const fulfilmentSettings =
    options.fulfilmentSettings ??
    (fulfilment === 'shipstation' && options.shipstationSettings
      ? { ...options.shipstationSettings }
      : undefined);
  const accounts = await openAccounts(simulators.urls, {
    providers: options.tracking ? [fulfilment, 'aftership'] : [fulfilment],
    ...(fulfilmentSettings ? { settings: { [fulfilment]: fulfilmentSettings } } : {}),
  });
  const admin = new AdminClient(hub.ingressUrl, hub.env.ADMIN_TOKEN!);
  const setup = await admin.connectStore('Sandbox Outfitters', accounts.list);
  return {
    simulators,
    hub,
    admin,
    setup,
    accounts,
    storeHash: accounts.storeRef,
    bigcommerce: new SimulatorControl(simulators.urls.bigcommerce),
    shipstation: new SimulatorControl(simulators.urls.shipstation),
    aftership: new SimulatorControl(simulators.urls.aftership),
    async close() {
      await hub.close();
      await simulators.close();
    },
  };
}

export interface OpenedAccounts {
  /** The store's external ref in the hub, from the store platform's account. */
  storeRef: string;
  /** In the order they are connected: the store platform first. */
  list: SimulatorAccount<ProviderId>[];
}

export interface OpenAccountsOptions {
  /** The providers to open accounts at besides the store platform, which every store has. */
  providers: readonly ProviderId[];
  /** The merchant's settings per provider; each provider has its defaults. */
  settings?: Partial<Record<ProviderId, Record<string, unknown>>>;
  /** The store's ref at its platform; fresh unless given. */
  storeRef?: string;
}

/**
 * A merchant's accounts, opened in the simulators with fresh credentials before anything is
 * connected to the hub: the store platform first, then each of `providers` in registry order.
 */
export async function openAccounts(
  urls: RunningSimulators['urls'],
  options: OpenAccountsOptions,
): Promise<OpenedAccounts> {
  const platform = SIMULATORS.find((entry) => entry.connector.roles.includes('store'));
  if (!platform) throw new Error('no simulated provider plays the store platform');
  const wanted = [
    platform,
    ...SIMULATORS.filter(
      (entry) => entry !== platform && options.providers.includes(entry.provider),
    ),
  ];
  const list: SimulatorAccount<ProviderId>[] = [];
  for (const { provider, openAccount } of wanted) {
    const settings = options.settings?.[provider];
    const storeRef = provider === platform.provider ? options.storeRef : undefined;
    list.push(
      await openAccount(urls[provider], {
        ...(settings ? { settings } : {}),
        ...(storeRef ? { storeRef } : {}),
      }),
    );
  }
  const storeRef = list[0]?.storeRef;
  if (!storeRef) throw new Error(`${platform.provider} opened an account without a store ref`);
  return { storeRef, list };
}

/**
 * One provider's account among those opened. Name the provider's own account type
 * (`accountOf<BigCommerceSimAccount>(accounts, 'bigcommerce')`) for the fields only it has.
 */
export function accountOf<A extends SimulatorAccount<ProviderId>>(
  accounts: OpenedAccounts,
  provider: A['provider'],
): A | undefined {
  return accounts.list.find((account): account is A => account.provider === provider);
}
