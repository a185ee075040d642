import axios, { type AxiosInstance } from 'axios';

export interface StoreSetup {
  tenantId: string;
  storeId: string;
  connections: {
    bigcommerce: { id: string; webhookUrl: string };
    shipstation: { id: string; webhookUrl: string };
    /** Present when the sandbox tracks shipments through AfterShip. */
    aftership?: { id: string; webhookUrl: string };
  };
}

export interface ProviderAccounts {
  bigcommerce: { url: string; storeHash: string; accessToken: string; clientSecret: string };
  shipstation: { url: string; apiKey: string; apiSecret: string };
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

  /** Tenant → store → connections → webhooks registered at the providers. */
  async connectStore(
    name: string,
    accounts: ProviderAccounts,
    shipstationSettings: object = {},
  ): Promise<StoreSetup> {
    const tenant = (await this.http.post<{ id: string }>('/tenants', { name })).data;
    const store = (
      await this.http.post<{ id: string }>(`/tenants/${tenant.id}/stores`, {
        name,
        platform: 'bigcommerce',
        externalRef: accounts.bigcommerce.storeHash,
      })
    ).data;
    const bigcommerce = (
      await this.http.post<{ id: string; webhook: { url: string } }>(
        `/stores/${store.id}/connections`,
        {
          provider: 'bigcommerce',
          baseUrl: accounts.bigcommerce.url,
          credentials: {
            storeHash: accounts.bigcommerce.storeHash,
            accessToken: accounts.bigcommerce.accessToken,
            clientSecret: accounts.bigcommerce.clientSecret,
          },
          settings: { weightUnit: 'lbs' },
        },
      )
    ).data;
    const shipstation = (
      await this.http.post<{ id: string; webhook: { url: string } }>(
        `/stores/${store.id}/connections`,
        {
          provider: 'shipstation',
          baseUrl: accounts.shipstation.url,
          credentials: {
            apiKey: accounts.shipstation.apiKey,
            apiSecret: accounts.shipstation.apiSecret,
          },
          settings: shipstationSettings,
        },
      )
    ).data;
    await this.http.post(`/connections/${bigcommerce.id}/webhooks`);
    await this.http.post(`/connections/${shipstation.id}/webhooks`);
    return {
      tenantId: tenant.id,
      storeId: store.id,
      connections: {
        bigcommerce: { id: bigcommerce.id, webhookUrl: bigcommerce.webhook.url },
        shipstation: { id: shipstation.id, webhookUrl: shipstation.webhook.url },
      },
    };
  }

  async order(orderNumber: string) {
    return (await this.http.get<OrderView>(`/orders/${orderNumber}`)).data;
  }

  /**
   * Connects the store's AfterShip account. AfterShip shows the webhook secret in its admin
   * (Settings → Webhooks), where the returned URL is then added as a webhook endpoint.
   */
  async connectAfterShip(
    storeId: string,
    account: AfterShipAccount,
  ): Promise<{ id: string; webhookUrl: string }> {
    const connection = (
      await this.http.post<{ id: string; webhook: { url: string } }>(
        `/stores/${storeId}/connections`,
        {
          provider: 'aftership',
          baseUrl: account.url,
          credentials: { apiKey: account.apiKey },
          webhookSecret: account.webhookSecret,
        },
      )
    ).data;
    return { id: connection.id, webhookUrl: connection.webhook.url };
  }

  /** Replaces a store's settings (see StoreSettingsSchema; `{}` restores every default). */
  async storeSettings(storeId: string, settings: object): Promise<unknown> {
    return (await this.http.put(`/stores/${storeId}/settings`, settings)).data;
  }

  /** An order's parcels: current status and the normalized timeline of each. */
  async timeline(orderNumber: string) {
    return (await this.http.get<TimelineView>(`/orders/${orderNumber}/timeline`)).data;
  }
}

export interface AfterShipAccount {
  url: string;
  apiKey: string;
  webhookSecret: string;
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
    fulfilmentOrders: { orderKey: string; externalId: string | null; status: string | null }[];
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
