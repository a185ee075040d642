import { z } from 'zod';
import { digest } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { HttpClient } from '../http/client';
import { plumbing, type ConnectorOptions } from '../http/connector-options';
import type { CredentialVault } from '../credential-vault';
import { ShipHeroTokens } from './auth';
import type { ShipHeroCredentials } from './credentials';
import type {
  ShipHeroCreateOrderInput,
  ShipHeroHoldsInput,
  ShipHeroUpdateOrderInput,
} from './inputs';
import { SHIPHERO_PROVIDER, shipHeroProfile } from './profile';
import {
  paged,
  queryResult,
  ShipHeroAccountSchema,
  ShipHeroOrderRefSchema,
  ShipHeroOrderSchema,
  ShipHeroProductSchema,
  ShipHeroShipmentSchema,
  ShipHeroWarehouseProductSchema,
  ShipHeroWebhookSchema,
  type ShipHeroAccount,
  type ShipHeroOrder,
  type ShipHeroOrderRef,
  type ShipHeroProduct,
  type ShipHeroShipment,
  type ShipHeroWarehouseProduct,
  type ShipHeroWebhook,
} from './schemas';
import { ShipHeroTransport, type Operation } from './transport';

export interface ShipHeroClientOptions extends ConnectorOptions<ShipHeroCredentials> {
  vault?: CredentialVault;
  now?: () => number;
}

/** A runaway guard for paginated reads: 400 pages of 100 is 40,000 records per poll. */
const MAX_PAGES = 400;

const OrderMutationSchema = z.object({ order: ShipHeroOrderRefSchema.nullable() });
const WebhookCreateSchema = z.object({ webhook: ShipHeroWebhookSchema.nullable() });
const OrderRefsSchema = queryResult(paged(ShipHeroOrderRefSchema));
const ShipmentsSchema = queryResult(paged(ShipHeroShipmentSchema));
const WarehouseProductsSchema = queryResult(paged(ShipHeroWarehouseProductSchema));
const UuidSchema = queryResult(
  z.object({ id: z.string().nullish(), legacy_id: z.number().nullish() }),
);

/** ShipHero's Public API (GraphQL) for one connection. */
export class ShipHeroClient {
  private readonly transport: ShipHeroTransport;
  readonly tokens: ShipHeroTokens;
  private readonly http: HttpClient;

  constructor(options: ShipHeroClientOptions) {
    const accountKey = options.accountKey ?? digest(options.credentials.refreshToken);
    this.http = new HttpClient({
      profile: shipHeroProfile,
      baseUrl: options.baseUrl,
      headers: { 'Content-Type': 'application/json' },
      accountKey,
      ...plumbing({ ...options, limiter: undefined }),
    });
    this.tokens = new ShipHeroTokens(
      this.http,
      options.connectionId ?? accountKey,
      options.credentials,
      options.vault,
      options.now,
    );
    this.transport = new ShipHeroTransport({
      http: this.http,
      tokens: this.tokens,
      limiter: options.limiter,
      accountKey,
      maxInlineWaitMs: options.maxInlineWaitMs ?? 2_000,
    });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  async account(): Promise<ShipHeroAccount> {
    return this.data('Account', {}, queryResult(ShipHeroAccountSchema));
  }

  /** The order ShipHero holds for a store order, by the partner id the hub gave it. */
  async orderByPartnerId(partnerOrderId: string): Promise<ShipHeroOrderRef | undefined> {
    const answer = await this.transport.run(
      'OrderByPartnerId',
      { partnerOrderId },
      OrderRefsSchema,
    );
    const orders = (answer?.root.data?.edges ?? []).flatMap((edge) =>
      edge.node ? [edge.node] : [],
    );
    return orders[0];
  }

  async order(id: string): Promise<ShipHeroOrder | undefined> {
    const answer = await this.transport.run(
      'Order',
      { id },
      queryResult(ShipHeroOrderSchema),
      'undefined',
    );
    return answer?.root.data ?? undefined;
  }

  async createOrder(data: ShipHeroCreateOrderInput): Promise<ShipHeroOrderRef> {
    return this.orderMutation('OrderCreate', data);
  }

  async updateOrder(data: ShipHeroUpdateOrderInput): Promise<ShipHeroOrderRef> {
    return this.orderMutation('OrderUpdate', data);
  }

  async cancelOrder(data: { order_id: string; reason?: string }): Promise<ShipHeroOrderRef> {
    return this.orderMutation('OrderCancel', data);
  }

  async updateHolds(data: ShipHeroHoldsInput): Promise<ShipHeroOrderRef> {
    return this.orderMutation('OrderUpdateHolds', data);
  }

  async shipment(id: string): Promise<ShipHeroShipment | undefined> {
    const answer = await this.transport.run(
      'Shipment',
      { id },
      queryResult(ShipHeroShipmentSchema),
      'undefined',
    );
    return answer?.root.data ?? undefined;
  }

  /** Shipments created at or after `from`, every page. */
  async shipmentsSince(from: Date): Promise<ShipHeroShipment[]> {
    return this.pages('ShipmentsSince', { from: from.toISOString() }, ShipmentsSchema);
  }

  async product(sku: string): Promise<ShipHeroProduct | undefined> {
    const answer = await this.transport.run(
      'Product',
      { sku },
      queryResult(ShipHeroProductSchema),
      'undefined',
    );
    return answer?.root.data ?? undefined;
  }

  /** Stock per SKU of one warehouse (or all), changed since `updatedFrom` when given. */
  async warehouseProducts(filter: {
    warehouseId?: string;
    updatedFrom?: Date;
  }): Promise<ShipHeroWarehouseProduct[]> {
    return this.pages(
      'WarehouseProducts',
      {
        ...(filter.warehouseId ? { warehouseId: filter.warehouseId } : {}),
        ...(filter.updatedFrom ? { updatedFrom: filter.updatedFrom.toISOString() } : {}),
      },
      WarehouseProductsSchema,
    );
  }

  /** The API id of an entity a webhook named by its legacy numeric id. */
  async uuidOf(
    legacyId: number,
    entity: 'Order' | 'Shipment' | 'Warehouse' | 'Product' | 'LineItem',
  ) {
    const answer = await this.transport.run('Uuid', { legacyId, entity }, UuidSchema, 'undefined');
    return answer?.root.data?.id ?? undefined;
  }

  /** One operation on this transport (products.ts); undefined where ShipHero has no such entity. */
  run<T>(operation: Operation, variables: Record<string, unknown>, schema: z.ZodType<T>) {
    return this.transport.run(operation, variables, schema, 'undefined');
  }

  async webhooks(): Promise<ShipHeroWebhook[]> {
    const answer = await this.transport.run(
      'Webhooks',
      {},
      queryResult(paged(ShipHeroWebhookSchema)),
    );
    return (answer?.root.data?.edges ?? []).flatMap((edge) => (edge.node ? [edge.node] : []));
  }

  /** Creates a webhook; its `shared_signature_secret` is in this answer only. */
  async createWebhook(data: {
    name: string;
    url: string;
    shop_name?: string;
  }): Promise<ShipHeroWebhook> {
    const answer = await this.transport.run('WebhookCreate', { data }, WebhookCreateSchema);
    const webhook = answer?.root.webhook;
    if (!webhook) throw this.missing('WebhookCreate');
    return webhook;
  }

  async deleteWebhook(data: { name: string; shop_name?: string }): Promise<void> {
    await this.transport.run('WebhookDelete', { data }, z.object({}).loose());
  }

  private async orderMutation(operation: Operation, data: object): Promise<ShipHeroOrderRef> {
    const answer = await this.transport.run(operation, { data }, OrderMutationSchema);
    const order = answer?.root.order;
    if (!order) throw this.missing(operation);
    return order;
  }

  private async data<T>(
    operation: Operation,
    variables: Record<string, unknown>,
    schema: z.ZodType<{ data: T | null }>,
  ): Promise<T> {
    const answer = await this.transport.run(operation, variables, schema);
    const data = answer?.root.data;
    if (data === null || data === undefined) throw this.missing(operation);
    return data;
  }

  private async pages<T>(
    operation: Operation,
    variables: Record<string, unknown>,
    schema: z.ZodType<{
      data: {
        pageInfo?: { hasNextPage: boolean; endCursor?: string | null | undefined } | undefined;
        edges: { node: T | null }[];
      } | null;
    }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.transport.run(
        operation,
        { ...variables, ...(after ? { after } : {}) },
        schema,
      );
      const connection = answer?.root.data;
      for (const edge of connection?.edges ?? []) if (edge.node) items.push(edge.node);
      const next = connection?.pageInfo?.hasNextPage ? connection.pageInfo.endCursor : undefined;
      if (!next) return items;
      after = next;
    }
    throw new PermanentError(`shiphero ${operation} has more than ${MAX_PAGES} pages`, {
      provider: SHIPHERO_PROVIDER,
      reason: `${SHIPHERO_PROVIDER}.too_many_pages`,
    });
  }

  private missing(operation: string): PermanentError {
    return new PermanentError(`shiphero ${operation} answered no result`, {
      provider: SHIPHERO_PROVIDER,
      endpoint: `POST /graphql ${operation}`,
      reason: `${SHIPHERO_PROVIDER}.unexpected_response`,
    });
  }
}
