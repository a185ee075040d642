import axios, { type AxiosInstance } from 'axios';
import { findConnector, type ProviderId } from '@shiplink/connectors';
import type { ReviewView } from '@shiplink/ingress/reviews';
import type { ConnectedAccount, SimulatorAccount } from '@shiplink/connectors/simulators';

export interface StoreSetup {
  tenantId: string;
  storeId: string;
  /** Every connection of the store, by provider: the store platform's and the others opened. */
  connections: { bigcommerce: ConnectedAccount } & Partial<Record<ProviderId, ConnectedAccount>>;
  /** The store's fulfilment connection (a store exports its orders to one fulfilment system). */
  fulfilment: ConnectedAccount & { provider: ProviderId };
}

/** What the merchant pastes into the hub; an account's other fields stay with the simulator. */
function connectionBody(account: SimulatorAccount) {
  const { provider, baseUrl, credentials, settings, webhookSecret } = account;
  return {
    provider,
    baseUrl,
    credentials,
    ...(settings === undefined ? {} : { settings }),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
  };
}

/** The admin API as a merchant's setup script would use it. */
export class AdminClient {
  readonly http: AxiosInstance;

  constructor(ingressUrl: string, token: string) {
    this.http = axios.create({
      baseURL: `${ingressUrl}/admin/api`,
      headers: { authorization: `Bearer ${token}` },
    });
  }

  /** Tenant → store → a connection per account → webhooks registered at the providers. */
  async connectStore(
    name: string,
    accounts: readonly SimulatorAccount<ProviderId>[],
  ): Promise<StoreSetup> {
    const { tenantId, storeId, connections } = await this.connectAnyStore(name, accounts);
    const fulfilment = accounts.find((account) =>
      findConnector(account.provider)?.roles.includes('fulfilment'),
    );
    const { bigcommerce } = connections;
    const fulfilmentConnection = fulfilment && connections[fulfilment.provider];
    if (!bigcommerce || !fulfilment || !fulfilmentConnection) {
      throw new Error('a store setup needs its BigCommerce and fulfilment connections');
    }
    return {
      tenantId,
      storeId,
      connections: { ...connections, bigcommerce },
      fulfilment: { ...fulfilmentConnection, provider: fulfilment.provider },
    };
  }

  /**
   * A tenant and its store on the platform of the account that has a store ref, with every
   * account connected (the store platform first): any platform, with or without a warehouse.
   */
  async connectAnyStore(name: string, accounts: readonly SimulatorAccount<ProviderId>[]) {
    const platform = accounts.find((account) => account.storeRef !== undefined);
    if (!platform) throw new Error('a store needs its store platform account');
    const tenant = (await this.http.post<{ id: string }>('/tenants', { name })).data;
    const store = (
      await this.http.post<{ id: string }>(`/tenants/${tenant.id}/stores`, {
        name,
        platform: platform.provider,
        externalRef: platform.storeRef,
      })
    ).data;
    const connections = await this.connectAccounts(store.id, [
      platform,
      ...accounts.filter((account) => account !== platform),
    ]);
    return { tenantId: tenant.id, storeId: store.id, connections };
  }

  /**
   * Connects each account to the store, in order, then does what the provider needs for its
   * webhooks: the hub registers them where it can, elsewhere the merchant adds the URL by hand.
   */
  async connectAccounts(
    storeId: string,
    accounts: readonly SimulatorAccount[],
  ): Promise<Partial<Record<ProviderId, ConnectedAccount>>> {
    const connected: Partial<Record<ProviderId, ConnectedAccount>> = {};
    for (const account of accounts) {
      const connector = findConnector(account.provider);
      if (!connector) throw new Error(`no connector is registered for ${account.provider}`);
      const created = (
        await this.http.post<{ id: string; webhook: { url: string } }>(
          `/stores/${storeId}/connections`,
          connectionBody(account),
        )
      ).data;
      const connection = { id: created.id, webhookUrl: created.webhook.url };
      if (connector.registerWebhooks) await this.http.post(`/connections/${created.id}/webhooks`);
      await account.connected?.(connection);
      connected[connector.id] = connection;
    }
    return connected;
  }

  async order(orderNumber: string) {
    return (await this.http.get<OrderView>(`/orders/${orderNumber}`)).data;
  }

  /** Replaces a store's settings (see StoreSettingsSchema; `{}` restores every default). */
  async storeSettings(storeId: string, settings: object): Promise<unknown> {
    return (await this.http.put(`/stores/${storeId}/settings`, settings)).data;
  }

  /** A queue's dead letters as parked jobs of `<queue>-dlq` (what Bull Board shows). */
  async parkedDeadLetters(queue: string) {
    return (await this.http.get<ParkedDeadLetter[]>(`/queues/${queue}/dead-letters`)).data;
  }

  /** Every recorded dead letter, with its replay status. */
  async deadLetters() {
    const page = await this.http.get<{ items: DeadLetterRecord[] }>('/dead-letters?limit=500');
    return page.data.items;
  }

  /** An order's parcels: current status and the normalized timeline of each. */
  async timeline(orderNumber: string) {
    return (await this.http.get<TimelineView>(`/orders/${orderNumber}/timeline`)).data;
  }

  /** Orders of a store waiting in review for SKUs (every status unless one is named). */
  async reviews(storeId: string, status?: 'open' | 'released' | 'dismissed') {
    return (
      await this.http.get<ReviewView[]>(`/stores/${storeId}/reviews`, {
        params: status ? { status } : {},
      })
    ).data;
  }

  /** The store's SKU mappings at its fulfilment system. */
  async skuMappings(storeId: string) {
    return (await this.http.get<SkuMappingView[]>(`/stores/${storeId}/sku-mappings`)).data;
  }

  /** Maps a store SKU to a product of the fulfilment system by hand, as `by`. */
  async mapSku(storeId: string, storeSku: string, fulfilmentSku: string, by: string) {
    return (
      await this.http.put<{ mapping: SkuMappingView; ordersRequeued: number }>(
        `/stores/${storeId}/sku-mappings/${encodeURIComponent(storeSku)}`,
        { fulfilmentSku, by },
      )
    ).data;
  }

  /** Lets a waiting order go without exporting it. */
  async dismissReview(reviewId: string, by: string, note?: string) {
    return (
      await this.http.post<ReviewView>(`/reviews/${reviewId}/dismiss`, {
        by,
        ...(note === undefined ? {} : { note }),
      })
    ).data;
  }

  /** Runs a connection's polls now, beside their schedule. */
  async pollNow(connectionId: string) {
    return (await this.http.post<{ jobs: string[] }>(`/connections/${connectionId}/polls`)).data;
  }

  /** A store's returns (every refund state unless one is named). */
  async returns(storeId: string, refundState?: string) {
    return (
      await this.http.get<ReturnView[]>(`/stores/${storeId}/returns`, {
        params: refundState ? { refundState } : {},
      })
    ).data;
  }

  /** Approves a return's refund, as `by`. */
  async approveRefund(returnId: string, by: string) {
    return (await this.http.post<{ jobId: string }>(`/returns/${returnId}/approve`, { by })).data;
  }

  /** Saves the store's routing rules as the next version. */
  async saveRoutingRules(storeId: string, rules: object[], by = 'test') {
    return (
      await this.http.put<{ version: number }>(`/stores/${storeId}/routing-rules`, { rules, by })
    ).data;
  }

  /** Which routing rules a store order matches, and what they decide (saved rules or a draft). */
  async routingDryRun(storeId: string, orderRef: string, rules?: object[]) {
    return (
      await this.http.post<RoutingDryRunView>(`/stores/${storeId}/routing-rules/dry-run`, {
        orderRef,
        ...(rules ? { rules } : {}),
      })
    ).data;
  }

  /** Shipping paid against label costs for a period (`from` inclusive, `to` exclusive). */
  async reconciliation(storeId: string, from: string, to: string) {
    return (
      await this.http.get<ReconciliationView>(`/stores/${storeId}/reconciliation`, {
        params: { from, to },
      })
    ).data;
  }

  /** The same report as CSV. */
  async reconciliationCsv(storeId: string, from: string, to: string): Promise<string> {
    return (
      await this.http.get<string>(`/stores/${storeId}/reconciliation`, {
        params: { from, to, format: 'csv' },
        responseType: 'text',
      })
    ).data;
  }

  /** Imports a waiting order again now. */
  async retryReview(reviewId: string, by?: string) {
    return (
      await this.http.post<{ review: ReviewView; jobId: string }>(
        `/reviews/${reviewId}/retry`,
        by === undefined ? undefined : { by },
      )
    ).data;
  }
}

export type { ReviewView };

export interface ReturnView {
  id: string;
  orderNumber: string;
  state: string;
  refundState: string;
  refundRef: string | null;
  refundTotal: string | null;
  items: { sku: string; quantity: number; restock: boolean }[];
}

export interface RoutingDryRunView {
  version: number;
  draft: boolean;
  order: { orderRef: string; orderNumber: string; status: string };
  destinations: {
    addressRef: string;
    decision: { tags: string[]; warehouse?: string; applied: { id: string }[] };
    rules: { id: string; matched: boolean; skipped: boolean }[];
  }[];
}

export interface ReconciliationView {
  rows: {
    orderRef: string;
    method: string;
    carriers: string[];
    paid: string;
    labelCost: string;
    insurance: string;
    margin: string;
  }[];
  byMethod: { key: string; orders: number; margin: string }[];
  byCarrier: { key: string; labels: number; labelCost: string }[];
  totals: { currency: string; paid: string; labelCost: string }[];
}

/** A mapping as the admin API answers it (JSON: dates as text). */
export interface SkuMappingView {
  connectionId: string;
  storeSku: string;
  fulfilmentSku: string;
  productRef: string | null;
  source: 'matched' | 'manual';
  mappedBy: string | null;
  mappedAt: string;
}

export interface ParkedDeadLetter {
  dlqJobId: string;
  jobId: string;
  reason: string;
  error: string;
}

export interface DeadLetterRecord {
  id: string;
  queue: string;
  jobName: string;
  jobId: string;
  reason: string;
  error: string;
  attemptsMade: number;
  status: string;
  replayCount: number;
}

export interface TimelineView {
  orderNumber: string;
  shipments: {
    trackingNumber: string | null;
    carrier: string | null;
    carrierStatus: string | null;
    registration: string;
    note: string | null;
    status: string;
    subStatus: string | null;
    bucket: string;
    actionRequired: boolean;
    items: { sku: string; quantity: number }[];
    checkpoints: {
      occurredAt: string;
      status: string;
      subStatus: string;
      message: string | null;
      location: string | null;
    }[];
    anomalies: { kind: string; from: string | null; to: string | null; detail: string }[];
  }[];
}

export interface OrderView {
  orders: {
    id: string;
    orderNumber: string;
    storeStatus: string;
    fulfilmentOrders: {
      orderKey: string;
      externalId: string | null;
      status: string | null;
      routing: { applied: { id: string }[]; tags: string[]; unapplied: string[] } | null;
    }[];
    shipments: {
      id: string;
      trackingNumber: string | null;
      carrierSlug: string | null;
      storeShipmentId: string | null;
      writebackStatus: string;
      shippingCost: string | null;
      items: { quantity: number }[];
    }[];
  }[];
  audit: { kind: string; endpoint: string | null; status: number | null; error: string | null }[];
}
