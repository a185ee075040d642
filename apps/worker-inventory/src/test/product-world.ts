import type {
  BigCommerceSimAccount,
  PlaceOrderInput,
} from '@shiplink/connectors/bigcommerce/simulator';
import type { ProductSyncRecord } from '@shiplink/db';
import { fulfilmentOrderKey } from '@shiplink/domain';
import { jobs, type JobDefinition, type PayloadOf } from '@shiplink/jobs';
import { accountOf, startWorld, type TestWorld } from '@shiplink/test-world';
import { waitFor } from '@shiplink/testing';

/** A ShipStation product as the simulator's control API lists it. */
export interface ShipStationProductView {
  productId: number;
  sku: string;
  name: string;
  weightOz: number | null;
  length: number | null;
  width: number | null;
  height: number | null;
}

/**
 * A BigCommerce store on ShipStation, with the handles the product tests drive: the store's
 * catalog API (its writes fire the catalog webhooks), ShipStation's products and requests, the
 * hub's product sync rows, and an order export the way the order worker makes one.
 */
export class ProductWorld {
  private runs = 0;

  private constructor(
    readonly world: TestWorld,
    private readonly store: BigCommerceSimAccount,
  ) {}

  static async start(): Promise<ProductWorld> {
    const world = await startWorld({ workers: ['worker-inventory'] });
    const store = accountOf<BigCommerceSimAccount>(world.accounts, 'bigcommerce');
    if (!store) throw new Error('the product world needs a BigCommerce store');
    return new ProductWorld(world, store);
  }

  /** A call to the store's v3 Catalog API, as the merchant's admin makes it. */
  private async catalog<T>(method: 'POST' | 'PUT', path: string, body: object): Promise<T> {
    const base = `${this.world.simulators.urls.bigcommerce}/stores/${this.world.storeHash}`;
    const response = await fetch(`${base}/v3/catalog${path}`, {
      method,
      headers: {
        'X-Auth-Token': this.store.credentials.accessToken,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  }

  get platform() {
    return this.world.hub.platform;
  }

  /** The ShipStation connection: where the store's products go. */
  get fulfilmentId(): string {
    return this.world.setup.fulfilment.id;
  }

  get storeConnectionId(): string {
    return this.world.setup.connections.bigcommerce.id;
  }

  /** `POST /v3/catalog/products`: fires `store/product/created` (+ one `store/sku/created` per option). */
  async createProduct(body: object): Promise<{ id: number }> {
    return this.catalog<{ id: number }>('POST', '/products', body);
  }

  /** `PUT /v3/catalog/products/{id}`: fires `store/product/updated`. */
  async updateProduct(id: number, body: object): Promise<void> {
    await this.catalog('PUT', `/products/${id}`, body);
  }

  async shipStationProduct(sku: string): Promise<ShipStationProductView | undefined> {
    const products = await this.world.shipstation.get<ShipStationProductView[]>('/products');
    return products.find((product) => product.sku === sku);
  }

  /** ShipStation API calls since the last `clearShipStation()`, as `METHOD /path`. */
  async shipStationCalls(): Promise<string[]> {
    const requests = await this.world.shipstation.requests();
    return requests.map((request) => `${request.method} ${request.path}`);
  }

  async clearShipStation(): Promise<void> {
    await this.world.shipstation.clearRequests();
  }

  async syncs(): Promise<ProductSyncRecord[]> {
    return this.platform.repos.productSyncs.forConnection(this.fulfilmentId);
  }

  async sync(sku: string): Promise<ProductSyncRecord | undefined> {
    return (await this.syncs()).find((row) => row.sku === sku);
  }

  /** Waits until the store's every webhook was answered and the inventory queue is idle. */
  async settled(): Promise<void> {
    await waitFor(
      async () => {
        const sent = await this.world.bigcommerce.webhooks();
        const counts = await this.platform.producer
          .queue('inventory')
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const busy = Object.values(counts).reduce((sum, n) => sum + n, 0);
        return sent.every((delivery) => delivery.delivered) && busy === 0;
      },
      { what: 'store webhooks answered and the inventory queue drained' },
    );
  }

  /** Sends the store's deliveries of `event` again, byte for byte, as BigCommerce retries do. */
  async redeliver(event: string): Promise<number[]> {
    const sent = (await this.world.bigcommerce.webhooks()).filter((d) => d.event === event);
    const statuses: number[] = [];
    for (const delivery of sent) {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  /** Enqueues a job (a fresh run of it, as a replay or a poll is) and waits until it completed. */
  async run<D extends JobDefinition>(definition: D, payload: PayloadOf<D>): Promise<void> {
    this.runs += 1;
    const { producer } = this.platform;
    const jobId = await producer.enqueue(
      definition,
      payload,
      { correlationId: `product-world-${this.runs}` },
      { run: `t${this.runs}` },
    );
    await waitFor(
      async () => {
        const job = await producer.queue(definition.queue).getJob(jobId);
        const state = await job?.getState();
        if (state === 'failed') throw new Error(`${definition.name} failed: ${job?.failedReason}`);
        return state === 'completed';
      },
      { what: `${definition.name} completed` },
    );
  }

  recheck(): Promise<void> {
    return this.run(jobs.productsRecheck, { connectionId: this.fulfilmentId });
  }

  /**
   * Places a store order and exports it to ShipStation as the order worker does (the canonical
   * order stored, upserted under its key, the export recorded); ShipStation files a product for
   * each SKU it has not seen, with the item's weight.
   */
  async exportOrder(order: PlaceOrderInput): Promise<void> {
    const { repos, ports } = this.platform;
    const orderId = await this.world.placeOrder(order);
    const storeConnection = await repos.tenancy.requireConnection(this.storeConnectionId);
    const canonical = await ports.store(storeConnection).readOrder(String(orderId));
    if (!canonical) throw new Error(`store order ${orderId} not found`);
    const stored = await repos.orders.upsert(this.world.setup.storeId, canonical);
    const fulfilment = await repos.tenancy.requireConnection(this.fulfilmentId);
    for (const destination of canonical.destinations) {
      const orderKey = fulfilmentOrderKey(
        this.world.storeHash,
        canonical.externalId,
        destination.addressExternalId,
        canonical.destinations.length,
      );
      const saved = await ports.fulfilment(fulfilment).upsertOrder(canonical, destination, {
        orderKey,
      });
      if (!saved) throw new Error(`order ${orderId} was not exported`);
      await repos.orders.recordExport({
        orderId: stored.id,
        connectionId: fulfilment.id,
        externalAddressId: destination.addressExternalId,
        orderKey,
        externalId: saved.externalId,
        status: saved.rawStatus,
      });
    }
  }

  async close(): Promise<void> {
    await this.world.close();
  }
}
