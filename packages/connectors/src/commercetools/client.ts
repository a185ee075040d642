import { z } from 'zod';
import { PermanentError, RetryableError, ShiplinkError } from '@shiplink/errors';
import type { ClientDeps } from '../descriptor';
import { HttpClient, type RequestSpec } from '../http/client';
import { CommercetoolsTokens, hubScopes } from './auth';
import type { CommercetoolsCredentials } from './credentials';
import { COMMERCETOOLS_PROVIDER, commercetoolsErrorCodes, commercetoolsProfile } from './profile';
import {
  OrderSchema,
  pagedSchema,
  SubscriptionSchema,
  TypeSchema,
  type CommercetoolsOrder,
  type CommercetoolsSubscription,
  type CommercetoolsType,
} from './schemas';

/** A version conflict is re-read and re-applied this many times before it is left to the job. */
export const MAX_CONFLICT_ATTEMPTS = 5;
/** commercetools' largest page, and how far `offset` reaches. */
export const MAX_PAGE = 500;
export const MAX_OFFSET = 10_000;

export interface CommercetoolsClientOptions extends ClientDeps {
  baseUrl: string;
  connectionId: string;
  credentials: CommercetoolsCredentials;
  timeoutMs?: number;
  retries?: number;
  retryBaseDelayMs?: number;
}

export type UpdateAction = { action: string } & Record<string, unknown>;

/** What `applyToOrder` did: the order as it stands after, and how many actions it wrote. */
export interface AppliedUpdate {
  order: CommercetoolsOrder;
  actions: number;
  conflicts: number;
}

const InventoryEntrySchema = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  sku: z.string(),
  supplyChannel: z.looseObject({ id: z.string() }).nullish(),
  quantityOnStock: z.number().int(),
});
export type CommercetoolsInventoryEntry = z.infer<typeof InventoryEntrySchema>;
const InventoryPageSchema = pagedSchema(InventoryEntrySchema);
const OrderPageSchema = pagedSchema(OrderSchema);
const TypePageSchema = pagedSchema(TypeSchema);
const ProjectionPageSchema = pagedSchema(
  z.looseObject({
    masterVariant: z.looseObject({ sku: z.string().nullish() }),
    variants: z.array(z.looseObject({ sku: z.string().nullish() })).default([]),
  }),
);

/** A string literal of the query predicate language. */
export const literal = (value: string) => JSON.stringify(value);

const encodeKey = (key: string) => encodeURIComponent(key);

/**
 * The commercetools HTTP API for one connection: every path under `/{projectKey}`, orders through
 * the store's in-store endpoints when the connection serves one store. Tokens come from the
 * client credentials grant (`CommercetoolsTokens`); a 401 renews the token once and repeats.
 */
export class CommercetoolsClient {
  readonly tokens: CommercetoolsTokens;
  private readonly http: HttpClient;
  private readonly projectKey: string;
  /** The store whose in-store endpoints and store-scoped permissions the connection uses. */
  readonly storeKey: string | null;

  constructor(options: CommercetoolsClientOptions) {
    this.projectKey = options.credentials.projectKey;
    this.storeKey = options.credentials.storeKey ?? null;
    this.http = new HttpClient({
      profile: commercetoolsProfile,
      baseUrl: options.baseUrl,
      headers: { 'Content-Type': 'application/json' },
      accountKey: this.projectKey,
      connectionId: options.connectionId,
      limiter: options.limiter,
      audit: options.audit,
      logger: options.logger,
      maxInlineWaitMs: options.maxInlineWaitMs,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      retryBaseDelayMs: options.retryBaseDelayMs,
    });
    this.tokens = new CommercetoolsTokens(
      this.http,
      options.connectionId,
      options.credentials,
      hubScopes(this.projectKey, this.storeKey),
      options.baseUrl,
      options.vault,
    );
  }

  /** `/{projectKey}/orders`, or the store's `/{projectKey}/in-store/key={storeKey}/orders`. */
  private get ordersPath(): string {
    return this.storeKey
      ? `/${this.projectKey}/in-store/key=${encodeKey(this.storeKey)}/orders`
      : `/${this.projectKey}/orders`;
  }

  private get ordersEndpoint(): string {
    return this.storeKey ? '/{projectKey}/in-store/key={storeKey}/orders' : '/{projectKey}/orders';
  }

  async order(id: string): Promise<CommercetoolsOrder | undefined> {
    const answer = await this.call({
      method: 'GET',
      path: `${this.ordersPath}/${encodeKey(id)}`,
      endpoint: `GET ${this.ordersEndpoint}/{id}`,
      schema: OrderSchema,
      allowStatus: [404],
    });
    return answer.data;
  }

  async orderByNumber(orderNumber: string): Promise<CommercetoolsOrder | undefined> {
    const answer = await this.call({
      method: 'GET',
      path: `${this.ordersPath}/order-number=${encodeKey(orderNumber)}`,
      endpoint: `GET ${this.ordersEndpoint}/order-number={orderNumber}`,
      schema: OrderSchema,
      allowStatus: [404],
    });
    return answer.data;
  }

  /** One page of an order query (`where` predicates are ANDed). */
  async queryOrders(query: {
    where?: readonly string[];
    sort?: readonly string[];
    limit?: number;
    offset?: number;
  }): Promise<{ results: CommercetoolsOrder[]; count: number }> {
    const params = new URLSearchParams();
    for (const predicate of query.where ?? []) params.append('where', predicate);
    for (const sort of query.sort ?? []) params.append('sort', sort);
    params.set('limit', String(Math.min(query.limit ?? 100, MAX_PAGE)));
    params.set('offset', String(query.offset ?? 0));
    params.set('withTotal', 'false');
    const answer = await this.call({
      method: 'GET',
      path: `${this.ordersPath}?${params.toString()}`,
      endpoint: `GET ${this.ordersEndpoint}`,
      schema: OrderPageSchema,
    });
    const page = answer.data;
    return { results: page?.results ?? [], count: page?.count ?? 0 };
  }

  /**
   * Orders modified at or after `since`, oldest first (ties by id), read by key rather than by
   * offset: each page starts after the last order of the one before, so an order that changes
   * while the pages are read moves to the end instead of pushing an unread one past the page
   * boundary. Stops after `maxPages` (the caller's cursor follows the last stamp it got).
   */
  async ordersModifiedSince(
    since: Date,
    pageSize = MAX_PAGE,
    maxPages = MAX_OFFSET / MAX_PAGE,
  ): Promise<CommercetoolsOrder[]> {
    const limit = Math.min(pageSize, MAX_PAGE);
    const orders: CommercetoolsOrder[] = [];
    let after: { at: string; id: string } | undefined;
    for (let page = 0; page < maxPages; page++) {
      const from = after
        ? `lastModifiedAt > ${literal(after.at)} or (lastModifiedAt = ${literal(after.at)} and id > ${literal(after.id)})`
        : `lastModifiedAt >= ${literal(since.toISOString())}`;
      const { results } = await this.queryOrders({
        where: [from],
        sort: ['lastModifiedAt asc', 'id asc'],
        limit,
      });
      orders.push(...results);
      const last = results.at(-1);
      if (!last || results.length < limit) break;
      after = { at: last.lastModifiedAt, id: last.id };
    }
    return orders;
  }

  /**
   * Reads the order, asks `plan` what to change, and writes it with the version it read. A 409
   * `ConcurrentModification` means someone else wrote in between: the order is read again and
   * planned again (the plan may now be empty), never sent blind. Bounded by `MAX_CONFLICT_ATTEMPTS`.
   */
  async applyToOrder(
    id: string,
    plan: (order: CommercetoolsOrder) => UpdateAction[],
  ): Promise<AppliedUpdate | undefined> {
    for (let attempt = 1; attempt <= MAX_CONFLICT_ATTEMPTS; attempt++) {
      const order = await this.order(id);
      if (!order) return undefined;
      const actions = plan(order);
      if (actions.length === 0) return { order, actions: 0, conflicts: attempt - 1 };
      const written = await this.updateOrder(id, order.version, actions);
      if (written) return { order: written, actions: actions.length, conflicts: attempt - 1 };
    }
    throw new RetryableError(
      `commercetools order ${id} kept changing while it was written (${MAX_CONFLICT_ATTEMPTS} version conflicts)`,
      {
        provider: COMMERCETOOLS_PROVIDER,
        reason: `${COMMERCETOOLS_PROVIDER}.ConcurrentModification`,
      },
    );
  }

  /** One update request; undefined on a version conflict (the caller re-reads). */
  async updateOrder(
    id: string,
    version: number,
    actions: readonly UpdateAction[],
  ): Promise<CommercetoolsOrder | undefined> {
    if (actions.length > MAX_PAGE) {
      throw new PermanentError(`${actions.length} update actions exceed commercetools' 500`, {
        provider: COMMERCETOOLS_PROVIDER,
        reason: `${COMMERCETOOLS_PROVIDER}.too_many_actions`,
      });
    }
    const answer = await this.call({
      method: 'POST',
      path: `${this.ordersPath}/${encodeKey(id)}`,
      endpoint: `POST ${this.ordersEndpoint}/{id}`,
      body: { version, actions },
      schema: OrderSchema,
      allowStatus: [409],
    });
    if (answer.status === 409) {
      if (!commercetoolsErrorCodes(answer.problem).includes('ConcurrentModification')) {
        throw new PermanentError(`commercetools refused the update of order ${id} with 409`, {
          provider: COMMERCETOOLS_PROVIDER,
          status: 409,
          reason: `${COMMERCETOOLS_PROVIDER}.${commercetoolsErrorCodes(answer.problem)[0] ?? 'http_409'}`,
        });
      }
      return undefined;
    }
    return answer.data;
  }

  async typeByKey(key: string): Promise<CommercetoolsType | undefined> {
    const answer = await this.call({
      method: 'GET',
      path: `/${this.projectKey}/types/key=${encodeKey(key)}`,
      endpoint: 'GET /{projectKey}/types/key={key}',
      schema: TypeSchema,
      allowStatus: [404],
    });
    return answer.data;
  }

  async typesByKeys(keys: readonly string[]): Promise<CommercetoolsType[]> {
    const params = new URLSearchParams({
      where: `key in (${keys.map(literal).join(', ')})`,
      limit: String(MAX_PAGE),
    });
    const answer = await this.call({
      method: 'GET',
      path: `/${this.projectKey}/types?${params.toString()}`,
      endpoint: 'GET /{projectKey}/types',
      schema: TypePageSchema,
    });
    return answer.data?.results ?? [];
  }

  /**
   * Creates a Type. A 5xx may still have created it, so the key is read back before the error
   * is passed on: what exists is returned instead of a second create.
   */
  async createType(draft: { key: string } & Record<string, unknown>): Promise<CommercetoolsType> {
    return this.createChecked(
      () =>
        this.call({
          method: 'POST',
          path: `/${this.projectKey}/types`,
          endpoint: 'POST /{projectKey}/types',
          body: draft,
          schema: TypeSchema,
        }),
      () => this.typeByKey(draft.key),
    );
  }

  async updateType(
    key: string,
    version: number,
    actions: readonly UpdateAction[],
  ): Promise<CommercetoolsType | undefined> {
    const answer = await this.call({
      method: 'POST',
      path: `/${this.projectKey}/types/key=${encodeKey(key)}`,
      endpoint: 'POST /{projectKey}/types/key={key}',
      body: { version, actions },
      schema: TypeSchema,
      allowStatus: [409],
    });
    return answer.status === 409 ? undefined : answer.data;
  }

  async subscriptionByKey(key: string): Promise<CommercetoolsSubscription | undefined> {
    const answer = await this.call({
      method: 'GET',
      path: `/${this.projectKey}/subscriptions/key=${encodeKey(key)}`,
      endpoint: 'GET /{projectKey}/subscriptions/key={key}',
      schema: SubscriptionSchema,
      allowStatus: [404],
    });
    return answer.data;
  }

  async createSubscription(
    draft: { key: string } & Record<string, unknown>,
  ): Promise<CommercetoolsSubscription> {
    return this.createChecked(
      () =>
        this.call({
          method: 'POST',
          path: `/${this.projectKey}/subscriptions`,
          endpoint: 'POST /{projectKey}/subscriptions',
          body: draft,
          schema: SubscriptionSchema,
        }),
      () => this.subscriptionByKey(draft.key),
    );
  }

  async deleteSubscription(key: string, version: number): Promise<void> {
    await this.call({
      method: 'DELETE',
      path: `/${this.projectKey}/subscriptions/key=${encodeKey(key)}?version=${version}`,
      endpoint: 'DELETE /{projectKey}/subscriptions/key={key}',
      schema: z.unknown(),
      allowStatus: [404],
    });
  }

  /** Which of these SKUs a product of the project has (master variant or another variant). */
  async knownSkus(skus: readonly string[]): Promise<string[]> {
    if (skus.length === 0) return [];
    const list = skus.map(literal).join(', ');
    const params = new URLSearchParams({
      where: `masterVariant(sku in (${list})) or variants(sku in (${list}))`,
      limit: String(MAX_PAGE),
      withTotal: 'false',
    });
    const answer = await this.call({
      method: 'GET',
      path: `/${this.projectKey}/product-projections?${params.toString()}`,
      endpoint: 'GET /{projectKey}/product-projections',
      schema: ProjectionPageSchema,
    });
    const wanted = new Set(skus);
    const found = new Set<string>();
    for (const product of answer.data?.results ?? []) {
      for (const variant of [product.masterVariant, ...product.variants]) {
        if (variant.sku && wanted.has(variant.sku)) found.add(variant.sku);
      }
    }
    return [...found];
  }

  /** The inventory entries of these SKUs, in every supply channel. */
  async inventoryOf(skus: readonly string[]): Promise<CommercetoolsInventoryEntry[]> {
    if (skus.length === 0) return [];
    const params = new URLSearchParams({
      where: `sku in (${skus.map(literal).join(', ')})`,
      limit: String(MAX_PAGE),
      withTotal: 'false',
    });
    const answer = await this.call({
      method: 'GET',
      path: `/${this.projectKey}/inventory?${params.toString()}`,
      endpoint: 'GET /{projectKey}/inventory',
      schema: InventoryPageSchema,
    });
    return answer.data?.results ?? [];
  }

  /** Sets an entry's quantity on stock (absolute), re-reading on a version conflict. */
  async setInventoryQuantity(id: string, quantity: number): Promise<void> {
    for (let attempt = 1; attempt <= MAX_CONFLICT_ATTEMPTS; attempt++) {
      const entry = await this.call({
        method: 'GET',
        path: `/${this.projectKey}/inventory/${encodeKey(id)}`,
        endpoint: 'GET /{projectKey}/inventory/{id}',
        schema: InventoryEntrySchema,
        allowStatus: [404],
      });
      if (!entry.data || entry.data.quantityOnStock === quantity) return;
      const answer = await this.call({
        method: 'POST',
        path: `/${this.projectKey}/inventory/${encodeKey(id)}`,
        endpoint: 'POST /{projectKey}/inventory/{id}',
        body: { version: entry.data.version, actions: [{ action: 'changeQuantity', quantity }] },
        schema: InventoryEntrySchema,
        allowStatus: [409],
      });
      if (answer.status !== 409) return;
    }
    throw new RetryableError(`commercetools inventory entry ${id} kept changing`, {
      provider: COMMERCETOOLS_PROVIDER,
      reason: `${COMMERCETOOLS_PROVIDER}.ConcurrentModification`,
    });
  }

  /** A create whose 5xx is checked by reading before it is retried. */
  private async createChecked<T>(
    create: () => Promise<{ data: T | undefined }>,
    read: () => Promise<T | undefined>,
  ): Promise<T> {
    try {
      const answer = await create();
      if (answer.data) return answer.data;
    } catch (error) {
      if (!(error instanceof ShiplinkError) || error.kind !== 'retryable') throw error;
      const existing = await read();
      if (existing) return existing;
      throw error;
    }
    const existing = await read();
    if (existing) return existing;
    throw new PermanentError('commercetools answered a create with no body', {
      provider: COMMERCETOOLS_PROVIDER,
      reason: `${COMMERCETOOLS_PROVIDER}.unexpected_response`,
    });
  }

  /** Sends with the current token; a 401 renews it once and sends again. */
  private async call<T>(spec: RequestSpec<T>) {
    const token = await this.tokens.accessToken();
    const allowStatus = [...(spec.allowStatus ?? []), 401];
    const first = await this.http.request({ ...spec, allowStatus, headers: bearer(token) });
    if (first.status !== 401 || spec.allowStatus?.includes(401)) return first;
    const renewed = await this.tokens.renew(token);
    return this.http.request({ ...spec, headers: bearer(renewed) });
  }
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
