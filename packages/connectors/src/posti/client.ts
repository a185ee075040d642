import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import { HttpClient, type HttpResult } from '../http/client';
import { plumbing, type ConnectorOptions } from '../http/connector-options';
import type { PostiCredentials } from './credentials';
import {
  buildCreateShipment,
  buildGetLabel,
  CREATE_SHIPMENT_ENDPOINT,
  GET_LABEL_ENDPOINT,
  parseCreateShipmentResponse,
  parseLabelResponse,
  type PrinettiCreateResult,
  type PrinettiShipment,
} from './prinetti';
import { POSTI_PROVIDER, postiErrorMessage, postiProfile } from './profile';
import {
  PostiOutcomeSchema,
  PostiPickupPointSchema,
  PostiRefusalSchema,
  PostiShippingMethodSchema,
  PostiStatusEventSchema,
  type PostiPickupPoint,
  type PostiShippingMethod,
  type PostiStatusEvent,
} from './schemas';
import { signParams } from './signing';

export interface PostiClientOptions extends ConnectorOptions<PostiCredentials> {
  /** The clock for `timestamp` and `Routing.Time`, in milliseconds. */
  now?: () => number;
  /** `Routing.Name` of Prinetti documents: who is calling. */
  routingName?: string;
  /** In-process retries of transient failures (the shared client's default when absent). */
  retries?: number;
}

export interface PickupPointQuery {
  postcode: string;
  streetAddress?: string;
  /** ISO 3166-1 alpha-2; Posti assumes FI. */
  country: string;
  /** Comma-separated providers (`Posti`, `Matkahuolto`…), as `/shipping-methods/list` names them. */
  serviceProvider?: string;
  /** 1–15; Posti answers 5 when not told. */
  maxResults?: number;
}

/** Posti's largest pickup point search page. */
export const MAX_PICKUP_POINTS = 15;

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const XML = { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml, application/xml' };

const ShippingMethodsSchema = z.union([
  z.array(PostiShippingMethodSchema).max(1_000),
  PostiRefusalSchema,
]);
const PickupPointsSchema = z.union([z.array(PostiPickupPointSchema).max(100), PostiRefusalSchema]);
const StatusEventsSchema = z.union([
  z.array(PostiStatusEventSchema).max(1_000),
  PostiRefusalSchema,
]);

type Refusal = z.infer<typeof PostiRefusalSchema>;
const isRefusal = (data: unknown): data is Refusal => PostiRefusalSchema.safeParse(data).success;

/**
 * The Posti Shipping (Pakettikauppa) API for one merchant account. JSON calls are form-encoded
 * POSTs signed with `api_key`, `timestamp` and `hash` (`signing.ts`); lookups are safe to repeat
 * and retried in-process. Prinetti calls post XML and answer XML (`prinetti.ts`).
 */
export class PostiClient {
  private readonly http: HttpClient;
  /** Clients with a shorter timeout and no in-process retries, for the checkout's lookups. */
  private readonly quick = new Map<number, HttpClient>();
  private readonly now: () => number;

  constructor(private readonly options: PostiClientOptions) {
    this.now = options.now ?? Date.now;
    this.http = this.httpClient({});
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** The merchant account (API key) this client signs for. */
  get account(): string {
    return this.options.credentials.apiKey;
  }

  private httpClient(overrides: {
    timeoutMs?: number;
    retries?: number;
    maxInlineWaitMs?: number;
  }): HttpClient {
    const { options } = this;
    return new HttpClient({
      profile: postiProfile,
      baseUrl: options.baseUrl,
      headers: {},
      accountKey: options.accountKey ?? options.credentials.apiKey,
      ...plumbing(options),
      ...(options.retries === undefined ? {} : { retries: options.retries }),
      ...overrides,
    });
  }

  /**
   * One HTTP client per short timeout: a checkout waiting on Posti waits neither for retries nor
   * for the shared budget (an exhausted budget fails at once, and checkout uses what it has).
   */
  private quickClient(timeoutMs: number): HttpClient {
    let client = this.quick.get(timeoutMs);
    if (!client) {
      client = this.httpClient({ timeoutMs, retries: 0, maxInlineWaitMs: 0 });
      this.quick.set(timeoutMs, client);
    }
    return client;
  }

  /** The form body of a signed call: the parameters given plus `api_key`, `timestamp`, `hash`. */
  signedForm(params: Record<string, string | undefined>): string {
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) fields[name] = value;
    fields.api_key = this.options.credentials.apiKey;
    fields.timestamp = String(Math.floor(this.now() / 1_000));
    fields.hash = signParams(fields, this.options.credentials.secret);
    return new URLSearchParams(fields).toString();
  }

  private async signed<T>(
    path: string,
    params: Record<string, string | undefined>,
    schema: z.ZodType<T>,
    extra: { http?: HttpClient; idempotent?: boolean; allowStatus?: number[] } = {},
  ): Promise<HttpResult<T>> {
    return (extra.http ?? this.http).request({
      method: 'POST',
      path,
      endpoint: `POST ${path}`,
      body: this.signedForm(params),
      headers: FORM,
      schema,
      idempotent: extra.idempotent ?? true,
      ...(extra.allowStatus ? { allowStatus: extra.allowStatus } : {}),
    });
  }

  /** A `{success: false}` answer where data was asked for: Posti refused, and says why. */
  private refused(path: string, refusal: Refusal): PermanentError {
    return new PermanentError(
      `posti POST ${path} refused: ${postiErrorMessage(refusal) ?? 'no message'}`,
      { provider: POSTI_PROVIDER, endpoint: `POST ${path}`, reason: `${POSTI_PROVIDER}.refused` },
    );
  }

  private listOf<T>(path: string, data: T[] | Refusal | undefined): T[] {
    if (data === undefined) return [];
    if (isRefusal(data)) throw this.refused(path, data);
    return data as T[];
  }

  /** Every product the account can ship with, names and descriptions in `language`. */
  async shippingMethods(language: 'FI' | 'SE' | 'EN' = 'EN'): Promise<PostiShippingMethod[]> {
    const path = '/shipping-methods/list';
    const answer = await this.signed(path, { language }, ShippingMethodsSchema);
    return this.listOf(path, answer.data);
  }

  /**
   * Pickup points near an address. With `timeoutMs` (a checkout waiting on the answer) the call
   * is made once, without in-process retries, and a timeout surfaces as a RetryableError.
   */
  async pickupPoints(
    query: PickupPointQuery,
    options: { timeoutMs?: number } = {},
  ): Promise<PostiPickupPoint[]> {
    const path = '/pickup-points/search';
    const limit =
      query.maxResults === undefined
        ? undefined
        : String(Math.min(MAX_PICKUP_POINTS, Math.max(1, Math.floor(query.maxResults))));
    const answer = await this.signed(
      path,
      {
        postcode: query.postcode.replace(/\s+/g, ''),
        address: query.streetAddress?.trim() || undefined,
        country: query.country.trim().toUpperCase(),
        service_provider: query.serviceProvider?.trim() || undefined,
        limit,
      },
      PickupPointsSchema,
      options.timeoutMs === undefined ? {} : { http: this.quickClient(options.timeoutMs) },
    );
    return this.listOf(path, answer.data);
  }

  /**
   * One pickup point; undefined when Posti does not know it. Posti needs the product code or the
   * provider to look in; without either it looks among Posti's own points.
   */
  async pickupPointInfo(
    id: string,
    scope: { serviceCode?: string; serviceProvider?: string } = {},
  ): Promise<PostiPickupPoint | undefined> {
    const path = '/pickup-point/info';
    const answer = await this.signed(
      path,
      {
        point_id: id.trim(),
        service_code: scope.serviceCode,
        service_provider: scope.serviceProvider ?? (scope.serviceCode ? undefined : 'Posti'),
      },
      z.unknown(),
      { allowStatus: [404] },
    );
    const data = Array.isArray(answer.data) ? answer.data[0] : answer.data;
    const point = PostiPickupPointSchema.safeParse(data);
    return point.success ? point.data : undefined;
  }

  /**
   * The create-shipment document for one consignment, routed with this account. `requestId` is
   * the hub's own id of this attempt: it gives the `Routing.Id`.
   */
  createShipmentXml(requestId: string, shipment: PrinettiShipment): string {
    return buildCreateShipment({
      routing: this.routing(requestId),
      shipment,
    });
  }

  /**
   * Creates the shipment a `createShipmentXml` document describes, sent exactly once: not even a
   * lost connection is retried in-process, because the request may have arrived and Posti does
   * not document what a repeated `Routing.Id` does (see `outcomeOfFailedCreate`).
   */
  async createShipment(xml: string): Promise<PrinettiCreateResult> {
    const answer = await this.http.request({
      method: 'POST',
      path: '/prinetti/create-shipment',
      endpoint: CREATE_SHIPMENT_ENDPOINT,
      body: xml,
      headers: XML,
      schema: z.unknown(),
      retries: 0,
    });
    return parseCreateShipmentResponse(textOf(answer.data));
  }

  /** The label PDF of a consignment's parcels (one combined document). */
  async label(reference: string, trackingCodes: readonly string[]): Promise<Buffer> {
    const xml = buildGetLabel({
      // A read: every call is a request of its own to Posti, never taken for an earlier one.
      routing: this.routing(`label:${reference}:${randomUUID()}`),
      reference,
      trackingCodes,
      format: 'File',
    });
    const answer = await this.http.request({
      method: 'POST',
      path: '/prinetti/get-shipping-label',
      endpoint: GET_LABEL_ENDPOINT,
      body: xml,
      headers: XML,
      schema: z.unknown(),
      idempotent: true,
    });
    return parseLabelResponse(textOf(answer.data));
  }

  /** Every event Posti holds for a parcel, as it sent them. */
  async shipmentStatus(trackingCode: string): Promise<PostiStatusEvent[]> {
    const path = '/shipment/status';
    const answer = await this.signed(
      path,
      { tracking_code: trackingCode.trim() },
      StatusEventsSchema,
    );
    return this.listOf(path, answer.data);
  }

  /**
   * Cancels a shipment not yet sent (`shipmentId`: the UUID of the create answer's reference).
   * Not retried in-process: a second cancel of a cancelled shipment answers `success: false`,
   * which would misreport a cancel that worked.
   */
  async cancelShipment(
    shipmentId: string,
  ): Promise<{ cancelled: boolean; message: string | null }> {
    const answer = await this.signed(
      '/shipment/cancel',
      { shipment_id: shipmentId.trim() },
      PostiOutcomeSchema,
      { idempotent: false },
    );
    return {
      cancelled: answer.data?.success === true,
      message: answer.data?.message ?? null,
    };
  }

  private routing(requestId: string) {
    return {
      account: this.options.credentials.apiKey,
      secret: this.options.credentials.secret,
      requestId,
      name: this.options.routingName ?? 'Shiplink',
      at: new Date(this.now()),
    };
  }
}

/** An XML body as text: the shared client hands non-JSON bodies over as strings. */
function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return data === undefined || data === null ? '' : JSON.stringify(data);
}
