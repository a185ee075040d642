import { randomUUID } from 'node:crypto';
import type { Scope } from './scopes';
import type { MessageRecord, Order, SubscriptionRecord, TypeRecord } from './records';

/** An API client of a project: what `POST /oauth/token` checks with HTTP Basic. */
export interface ApiClient {
  clientId: string;
  clientSecret: string;
  scopes: Scope[];
  tokenValiditySeconds: number;
}

/** One update request an order received, for tests and the demo to read back. */
export interface RecordedUpdate {
  at: string;
  /** `api`: a POST by a client; `control`: the back office; `concurrent`: the conflict fault. */
  via: 'api' | 'control' | 'concurrent';
  /** Who sent it: the API client's id, `back-office`, or the concurrent client's id. */
  client: string;
  clientId?: string;
  expectedVersion?: number;
  actions: unknown[];
  status: number;
  resultingVersion: number;
  errors?: unknown[];
}

/** Everything one commercetools project holds; no request ever reaches another project's data. */
export class ProjectData {
  readonly clients = new Map<string, ApiClient>();
  /** In creation order. */
  readonly orders = new Map<string, Order>();
  readonly types = new Map<string, TypeRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  /** Every message ever emitted, in emission order. */
  readonly messages: MessageRecord[] = [];
  /** The last message sequence number per resource id. */
  readonly sequences = new Map<string, number>();
  readonly updates = new Map<string, RecordedUpdate[]>();
  /** Order id → how many of its next updates find a concurrent change first. */
  readonly conflicts = new Map<string, number>();
  /** Ids the simulator made up for things it does not model (products by SKU, channels by key). */
  private readonly madeUpIds = new Map<string, string>();

  constructor(
    readonly key: string,
    readonly stores: Set<string>,
  ) {}

  orderByNumber(orderNumber: string): Order | undefined {
    for (const order of this.orders.values()) if (order.orderNumber === orderNumber) return order;
    return undefined;
  }

  typeByKey(key: string): TypeRecord | undefined {
    for (const type of this.types.values()) if (type.key === key) return type;
    return undefined;
  }

  subscriptionByKey(key: string): SubscriptionRecord | undefined {
    for (const sub of this.subscriptions.values()) if (sub.key === key) return sub;
    return undefined;
  }

  /** A stable uuid for something named `name` of `kind` (a product by SKU, a channel by key). */
  idFor(kind: string, name: string): string {
    const key = `${kind}\u0000${name}`;
    let id = this.madeUpIds.get(key);
    if (!id) {
      id = randomUUID();
      this.madeUpIds.set(key, id);
    }
    return id;
  }

  /** The next sequence number of a resource's messages: 1, 2, 3… */
  nextSequence(resourceId: string): number {
    const next = (this.sequences.get(resourceId) ?? 0) + 1;
    this.sequences.set(resourceId, next);
    return next;
  }

  recordUpdate(orderId: string, update: RecordedUpdate): void {
    const list = this.updates.get(orderId) ?? [];
    list.push(update);
    this.updates.set(orderId, list);
  }
}

/** The simulator's whole commercetools world: projects by key. */
export class CommercetoolsSimState {
  readonly projects = new Map<string, ProjectData>();

  constructor(readonly now: () => number) {}

  /** Now as the API prints dates: ISO 8601 with milliseconds, UTC. */
  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  project(key: string): ProjectData | undefined {
    return this.projects.get(key);
  }

  /** The project `key`, created with `stores` if new (stores are added to an existing one). */
  openProject(key: string, stores: string[]): ProjectData {
    const existing = this.projects.get(key);
    if (existing) {
      for (const store of stores) existing.stores.add(store);
      return existing;
    }
    const project = new ProjectData(key, new Set(stores));
    this.projects.set(key, project);
    return project;
  }

  /** The project and client `clientId` belongs to. */
  clientById(clientId: string): { project: ProjectData; client: ApiClient } | undefined {
    for (const project of this.projects.values()) {
      const client = project.clients.get(clientId);
      if (client) return { project, client };
    }
    return undefined;
  }

  reset(): void {
    this.projects.clear();
  }
}
