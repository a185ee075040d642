import type { z } from 'zod';
import {
  unstorableJson,
  type FulfilmentSystem,
  type MessageChannel,
  type MessageDeliveryStatus,
  type PickupPointSource,
  type ReportedReturn,
  type ShipmentCarrier,
  type StockSource,
  type StorePlatform,
  type TrackingProvider,
} from '@shiplink/domain';
import type { Logger } from '@shiplink/logger';
import type { AppInstallHandler } from './app-install';
import type { CredentialVault } from './credential-vault';
import type { AuditSink } from './http/audit';
import type { RateLimiter } from './http/rate-limiter';

/**
 * The roles a provider can play; a descriptor lists the ones it does. A `carrier` serves a
 * store's checkout (pickup points) beside whatever else it does; `messaging` delivers messages
 * to customers (SMS).
 */
export type Role = 'store' | 'fulfilment' | 'tracking' | 'carrier' | 'messaging';

/** The part of a stored connection a client needs. */
export interface ConnectionLike {
  id: string;
  baseUrl: string;
  credentials: unknown;
}

/** The plumbing every client shares: budgets, the audit trail, logs. */
export interface ClientDeps {
  limiter?: RateLimiter;
  /** Where clients with rotating tokens keep them; without it they live in this process only. */
  vault?: CredentialVault;
  audit?: AuditSink;
  logger?: Logger;
  maxInlineWaitMs?: number;
}

/** What a webhook handler knows of the connection a delivery came for. */
export interface WebhookConnection {
  id: string;
  baseUrl: string;
  webhookSecret: string;
  /** The store's own reference (BigCommerce store hash), for deliveries that name their store. */
  storeRef: string;
  settings: unknown;
  /** The connection's credentials, for providers that keep a signing secret per webhook there. */
  credentials?: unknown;
  /** The URL this connection's deliveries arrive at (the audience of Pub/Sub push tokens). */
  webhookUrl?: string;
}

/** A delivery exactly as it arrived: the raw bytes are what signatures cover. */
export interface InboundWebhook {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  /** The optional secret path segment, for providers that sign nothing. */
  pathSecret: string | undefined;
  /** Accepted clock difference for signed timestamps. */
  toleranceSec: number;
}

/**
 * Work a delivery asks for, in the hub's own words: the ingress turns an intent into a job, so
 * connectors never know about queues. References are the provider's ids as opaque strings.
 */
export type WebhookIntent =
  | { kind: 'order.changed'; orderRef: string }
  | {
      kind: 'store-shipment.changed';
      orderRef: string;
      shipmentRef: string;
      change: 'created' | 'updated';
    }
  | { kind: 'shipments.available'; batchRef: string }
  /** A fulfilment order changed at the fulfilment system (cancelled there, for instance). */
  | { kind: 'fulfilment-order.changed'; fulfilmentOrderRef: string }
  /** A fulfilment system reported a return, with everything it said of it. */
  | { kind: 'return.reported'; report: ReportedReturn }
  /** Fulfilment orders changed; the delivery is only a pointer to them (an opaque batch). */
  | { kind: 'fulfilment-orders.available'; batchRef: string }
  /** The warehouse's balances of these SKUs changed; the worker reads them back. */
  | { kind: 'stock.changed'; skus: string[] }
  /** A store product or one of its variants was created or changed; the worker reads it. */
  | { kind: 'product.changed'; productRef: string }
  | { kind: 'tracking.updated'; trackingRef: string; eventRef: string }
  /**
   * A store order's deliveries or parcels changed (or it was created with some): the worker reads
   * the order's parcels. `sequence` is the store's per-order message number, where it numbers
   * them, so a message older than one acted on already is superseded.
   */
  | { kind: 'store-parcels.changed'; orderRef: string; sequence: number | null }
  /** A message sent to a customer was delivered, or not (`providerRef` is the send's id). */
  | {
      kind: 'message.status';
      providerRef: string;
      status: MessageDeliveryStatus;
      errorCode: number | null;
    }
  /** A customer asked the sender for no more messages (STOP), or for them again (START). */
  | { kind: 'message.opt-out'; recipient: string; optedOut: boolean }
  /** The merchant uninstalled the hub's app from the store: the hub disconnects the store. */
  | { kind: 'store.uninstalled' };

/** Why a delivery is refused; the ingress answers it as is and records it. */
export interface WebhookRefusal {
  ok: false;
  /**
   * 401: not authentic; 400: not readable as this provider's event; 422: not storable; 503: the
   * keys to check it could not be fetched (the sender retries).
   */
  status: 400 | 401 | 422 | 503;
  code: string;
  message: string;
  details?: string[];
}

export type WebhookVerdict =
  | {
      ok: true;
      /** The event's name, recorded as the inbox topic. */
      topic: string;
      /** The provider's id of this delivery, stable across its retries (the dedup reference). */
      eventRef: string;
      /** What is stored in the inbox. */
      payload: unknown;
      /** The order it concerns, for the audit trail ("what happened to order 1234?"). */
      orderRef?: string;
      /** Absent for events that are recorded but need no work. */
      intent?: WebhookIntent;
    }
  | WebhookRefusal;

export interface WebhookHandler {
  /** Providers that sign nothing authenticate with a secret in the URL path instead. */
  secretInPath: boolean;
  /**
   * Whose deliveries share one dedup space: the connection's, or the store's (a store's events
   * stay deduplicated when its connection is replaced).
   */
  dedupScope: 'connection' | 'store';
  /**
   * The answer the provider expects for an accepted delivery, where it expects a particular one
   * (ShipHero wants HTTP 200 with `{"code":"200","Status":"Success"}`); otherwise the hub answers
   * 202 (200 for a duplicate) with its own receipt.
   */
  acknowledgement?:
    | { status: 200; body: unknown }
    /** A body of its own type (Twilio reads TwiML from the answer to an incoming message). */
    | { status: 200; body: string; contentType: string };
  /**
   * For deliveries that prove themselves with a token checked against keys published elsewhere
   * (a Pub/Sub push subscription's OpenID Connect token): runs before `handle`, and a refusal is
   * answered as is, so `handle` stays pure.
   */
  authenticate?(
    request: InboundWebhook,
    connection: WebhookConnection,
  ): Promise<WebhookRefusal | undefined>;
  /**
   * Authenticates the raw request, parses it, and says what it asks for. Pure: no I/O. Refusals
   * are verdicts, not exceptions; the ingress records and answers them.
   */
  handle(request: InboundWebhook, connection: WebhookConnection): WebhookVerdict;
}

/**
 * The delta polls a connection of this provider gets (each becomes a scheduled job): store
 * orders, the parcels of changed store orders (for stores whose parcels live on the order),
 * fulfilment shipments, fulfilment orders changed at the warehouse (holds, rejections, delays),
 * trackings, warehouse stock (reconciling what webhooks missed),
 * the orders waiting in review for a SKU the fulfilment system may have by now, and the
 * delivery of customer messages.
 */
export type PollKind =
  | 'orders'
  | 'parcels'
  | 'shipments'
  | 'trackings'
  | 'stock'
  | 'reviews'
  /** Fulfilment orders changed at the fulfilment system (holds, rejections) and late ones. */
  | 'fulfilment-orders'
  /** Delivery of messages sent to customers whose status never came back. */
  | 'messages'
  /** Products waiting for the fulfilment system to know their SKU (it cannot create them). */
  | 'products';

export type SecretsVerdict =
  { ok: true; webhookSecret: string; accountKey: string } | { ok: false; message: string };

/**
 * Everything the hub knows about one provider, in one place. The registry lists them; the
 * factory, settings, connections, polls and the webhook route iterate it instead of switching
 * on provider names.
 */
export interface ConnectorDescriptor<
  Id extends string = string,
  Credentials extends z.ZodType = z.ZodType,
  Settings extends z.ZodType = z.ZodType,
  Client = unknown,
> {
  id: Id;
  /** Shown to people (admin answers, logs, README). */
  name: string;
  roles: readonly Role[];
  credentials: Credentials;
  settings: Settings;
  /**
   * The webhook secret and the budget account key of a new connection: derived from the
   * credentials, generated, or given by the merchant (`given`, e.g. from the provider's admin).
   */
  secrets(credentials: z.infer<Credentials>, given: string | undefined): SecretsVerdict;
  /**
   * Where a rotation's new secret comes from when the provider issues it (said beside the field
   * that takes it, e.g. the console's); absent when the hub makes one itself.
   */
  newSecretFrom?: string;
  /** How a rotation gets its new secret, and which credentials change with it. */
  rotateSecret(
    credentials: z.infer<Credentials>,
    given: string | undefined,
  ):
    | { ok: true; webhookSecret: string; credentials?: z.infer<Credentials> }
    | { ok: false; message: string };
  createClient(
    connection: ConnectionLike & { credentials: z.infer<Credentials> },
    deps: ClientDeps,
  ): Client;
  ports: {
    store?(client: Client, settings: z.infer<Settings>): StorePlatform;
    fulfilment?(client: Client, settings: z.infer<Settings>): FulfilmentSystem;
    tracking?(client: Client, settings: z.infer<Settings>): TrackingProvider;
    /** Where the provider owns stock (a warehouse system), its balances. */
    stock?(client: Client, settings: z.infer<Settings>): StockSource;
    /** Where the provider's parcels can be collected (a carrier's pickup points), for checkout. */
    pickupPoints?(client: Client, settings: z.infer<Settings>): PickupPointSource;
    /** Where the provider makes the shipments and labels of a store's own dispatch (a carrier). */
    shipments?(client: Client, settings: z.infer<Settings>): ShipmentCarrier;
    /** Where the provider delivers messages to customers (SMS). */
    messages?(client: Client, settings: z.infer<Settings>): MessageChannel;
  };
  webhook?: WebhookHandler;
  /**
   * Points the provider's webhooks at `destination`; what was added and what was there.
   * Absent where a person adds the URL in the provider's admin (`manualWebhookSetup` says how);
   * where both exist, registering does part of it and the person the rest.
   */
  registerWebhooks?(
    client: Client,
    destination: string,
    settings: z.infer<Settings>,
  ): Promise<{
    registered: string[];
    existing: string[];
    /** Credentials to keep from now on, where registering issued secrets (ShipHero's). */
    credentials?: unknown;
    /** Settings to keep from now on, where the provider is told the URL with each request (Posti). */
    settings?: unknown;
  }>;
  manualWebhookSetup?: string;
  /**
   * Which of the hub's webhook subscriptions to `destination` the provider has, and which are
   * missing (a connection's health). Absent where the provider cannot list them.
   */
  webhookHealth?(
    client: Client,
    destination: string,
    settings: z.infer<Settings>,
  ): Promise<{ expected: string[]; present: string[]; missing: string[] }>;
  /** Installing the hub as an app from the store's control panel (store platforms only). */
  appInstall?: AppInstallHandler;
  polls: readonly PollKind[];
}

/** Keeps a descriptor's literal id and its schemas' and client's types for the registry. */
export function defineConnector<
  Id extends string,
  Credentials extends z.ZodType,
  Settings extends z.ZodType,
  Client,
>(
  descriptor: ConnectorDescriptor<Id, Credentials, Settings, Client>,
): ConnectorDescriptor<Id, Credentials, Settings, Client> {
  return descriptor;
}

/** A client factory's options from a connection and the shared plumbing. */
export function clientOptions<C>(
  connection: ConnectionLike & { credentials: C },
  deps: ClientDeps,
) {
  return {
    baseUrl: connection.baseUrl,
    connectionId: connection.id,
    ...deps,
    credentials: connection.credentials,
  };
}

export function webhookRefusal(
  status: WebhookRefusal['status'],
  code: string,
  message: string,
  details?: string[],
): WebhookRefusal {
  return { ok: false, status, code, message, ...(details ? { details } : {}) };
}

/** The first few schema issues, as `path: message` lines for the sender. */
export function issueDetails(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
}

/**
 * The body of an authenticated delivery as JSON. A body PostgreSQL could not store is refused
 * here, alone, rather than failing the inbox batch it would be written with.
 */
export function readWebhookJson(rawBody: Buffer): { ok: true; body: unknown } | WebhookRefusal {
  if (rawBody.length === 0) return webhookRefusal(400, 'malformed_json', 'request body is empty');
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch {
    return webhookRefusal(400, 'malformed_json', 'request body is not valid JSON');
  }
  const unstorable = unstorableJson(body);
  if (unstorable) return webhookRefusal(422, 'unstorable_payload', `request body ${unstorable}`);
  return { ok: true, body };
}

/** The body of an authenticated delivery, read as JSON and parsed by `schema`; else a refusal. */
export function parseWebhookBody<S extends z.ZodType>(
  rawBody: Buffer,
  schema: S,
  what: string,
): { ok: true; body: unknown; data: z.infer<S> } | WebhookRefusal {
  const json = readWebhookJson(rawBody);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.body);
  if (!parsed.success) {
    return webhookRefusal(400, 'invalid_payload', `not a ${what}`, issueDetails(parsed.error));
  }
  return { ok: true, body: json.body, data: parsed.data };
}
