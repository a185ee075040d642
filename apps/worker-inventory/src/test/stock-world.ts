import type { ShipHeroSimAccount } from '@shiplink/connectors/shiphero/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { jobs, type JobEnvelope } from '@shiplink/jobs';
import { accountOf, startWorld, type TestWorld } from '@shiplink/test-world';

export interface StoreLevel {
  locationId: number;
  sku: string;
  quantity: number;
}

export interface Transaction {
  reason: string;
  items: { sku?: string; location_id?: number; quantity?: number }[];
}

/**
 * A store on ShipHero with a second warehouse, "East", next to "Primary", and the handles the
 * stock tests drive: ShipHero's products and counts, BigCommerce's catalog and levels.
 */
export class StockWorld {
  readonly shiphero: SimulatorControl;
  readonly account: ShipHeroSimAccount;
  private triggers = 0;

  private constructor(
    readonly world: TestWorld,
    account: ShipHeroSimAccount,
    readonly east: string,
  ) {
    this.account = account;
    this.shiphero = new SimulatorControl(world.simulators.urls.shiphero);
  }

  static async start(options: Parameters<typeof startWorld>[0] = {}): Promise<StockWorld> {
    const world = await startWorld({ fulfilment: 'shiphero', workers: [], ...options });
    const account = accountOf<ShipHeroSimAccount>(world.accounts, 'shiphero');
    if (!account) throw new Error('the stock world needs a ShipHero account');
    const east = await new SimulatorControl(world.simulators.urls.shiphero).post<{ id: string }>(
      `/accounts/${account.accountId}/warehouses`,
      { identifier: 'East' },
    );
    return new StockWorld(world, account, east.id);
  }

  get primary(): string {
    return this.account.warehouseId;
  }

  /** The ShipHero connection: the warehouse whose stock the store is sent. */
  get connectionId(): string {
    return this.world.setup.fulfilment.id;
  }

  get platform() {
    return this.world.hub.platform;
  }

  /** A fresh trigger, as each webhook delivery has its own. */
  trigger(): string {
    this.triggers += 1;
    return `test-${this.triggers}`;
  }

  /** Products at ShipHero with their on-hand counts per warehouse (seeded, no webhooks). */
  async stockAtShipHero(products: { sku: string; primary?: number; east?: number }[]) {
    await this.shiphero.post(`/accounts/${this.account.accountId}/products`, {
      products: products.map(({ sku, primary, east }) => ({
        sku,
        stock: [
          ...(primary === undefined ? [] : [{ warehouseId: this.primary, onHand: primary }]),
          ...(east === undefined ? [] : [{ warehouseId: this.east, onHand: east }]),
        ],
      })),
    });
  }

  /** Products the store sells, stock tracked on the product, with a level at location 1. */
  async sellInStore(skus: string[], level = 0) {
    await this.world.bigcommerce.post(`/stores/${this.world.storeHash}/catalog/products`, {
      products: skus.map((sku) => ({
        sku,
        name: sku,
        inventoryTracking: 'product',
        levels: { '1': level },
      })),
    });
  }

  /** A count in a ShipHero warehouse, as its app would make it (an Inventory Update follows). */
  async count(
    sku: string,
    onHand: number,
    options: { warehouse?: string; stale?: boolean; delayMs?: number } = {},
  ) {
    return this.shiphero.post<{ onHand: number; messageIds: string[] }>(
      `/accounts/${this.account.accountId}/stock`,
      {
        sku,
        onHand,
        warehouseId: options.warehouse ?? this.primary,
        ...(options.stale ? { stale: true } : {}),
        ...(options.delayMs ? { delayMs: options.delayMs } : {}),
      },
    );
  }

  async levels(): Promise<StoreLevel[]> {
    return this.world.bigcommerce.get<StoreLevel[]>(
      `/stores/${this.world.storeHash}/inventory/levels`,
    );
  }

  /** The store's level of a SKU at a location; undefined when none was ever set. */
  async level(sku: string, locationId = 1): Promise<number | undefined> {
    const found = (await this.levels()).find(
      (level) => level.sku === sku && level.locationId === locationId,
    );
    return found?.quantity;
  }

  async transactions(): Promise<Transaction[]> {
    return this.world.bigcommerce.get<Transaction[]>(
      `/stores/${this.world.storeHash}/inventory/transactions`,
    );
  }

  /** Every quantity the store was told for a SKU, in order. */
  async sentQuantities(sku: string): Promise<number[]> {
    return (await this.transactions()).flatMap((transaction) =>
      transaction.items.filter((item) => item.sku === sku).map((item) => item.quantity ?? NaN),
    );
  }

  /** The stock refreshes the ingress queued for deliveries naming this SKU, oldest first. */
  async queuedRefreshes(sku: string) {
    const queued = await this.platform.producer
      .queue(jobs.stockRefresh.queue)
      .getJobs(['waiting', 'delayed', 'prioritized']);
    return queued
      .filter((job) => job.name === jobs.stockRefresh.name)
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((job) => jobs.stockRefresh.schema.parse((job.data as JobEnvelope).payload))
      .filter((payload) => payload.skus.includes(sku));
  }

  /** Replaces the ShipHero connection's settings (this process sees them at once). */
  async settings(settings: object) {
    await this.platform.repos.tenancy.updateConnectionSettings(this.connectionId, settings);
  }

  async close() {
    await this.world.close();
  }
}
