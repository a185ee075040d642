import { digest } from '@shiplink/domain';
import { PermanentError, ShiplinkError } from '@shiplink/errors';
import { HttpClient } from '../http/client';
import { plumbing, type ConnectorOptions } from '../http/connector-options';
import { toAlpha3 } from './country-codes';
import type { AfterShipCredentials } from './credentials';
import { AFTERSHIP_PROVIDER, afterShipApiBase, afterShipProfile, afterShipReason } from './profile';
import {
  AfterShipDetectEnvelopeSchema,
  AfterShipTrackingEnvelopeSchema,
  AfterShipTrackingListEnvelopeSchema,
  type AfterShipCreateTrackingBody,
  type AfterShipTracking,
  type AfterShipTrackingList,
  type AfterShipUpdateTrackingBody,
} from './schemas';

export interface AfterShipClientOptions extends Omit<
  ConnectorOptions<AfterShipCredentials>,
  'baseUrl'
> {
  /** `https://api.aftership.com` (or with `/tracking/2025-01`), or a simulator's URL. */
  baseUrl?: string;
}

export interface AfterShipListQuery {
  /** Only trackings updated at or after this instant. */
  updatedAtMin?: Date;
  trackingNumbers?: string[];
  slug?: string;
  /** Page size (AfterShip's maximum is 200). */
  limit?: number;
  /** Widens AfterShip's default window (trackings created in the last 120 days). */
  createdAtMin?: Date;
}

export interface AfterShipClient {
  /** Registers a tracking; one that already exists (4003) is looked up and returned, not an error. */
  createTracking(
    body: AfterShipCreateTrackingBody,
  ): Promise<{ tracking: AfterShipTracking; created: boolean }>;
  /** Undefined when AfterShip has no such tracking (404 / 4004). */
  getTracking(id: string): Promise<AfterShipTracking | undefined>;
  /** Like `getTracking`, but a missing tracking is a PermanentError (`aftership.4004`). */
  getTrackingOrThrow(id: string): Promise<AfterShipTracking>;
  updateTracking(id: string, patch: AfterShipUpdateTrackingBody): Promise<AfterShipTracking>;
  /** False when there was nothing to delete. */
  deleteTracking(id: string): Promise<boolean>;
  /** Every matching tracking, following the cursor to the last page. */
  listTrackings(query?: AfterShipListQuery): Promise<AfterShipTracking[]>;
  /** One page, for callers that stream. */
  listTrackingsPage(
    query: AfterShipListQuery & { cursor?: string },
  ): Promise<AfterShipTrackingList>;
  /** Candidate courier slugs, best first; empty when AfterShip cannot tell. */
  detectCourier(input: {
    trackingNumber: string;
    postalCode?: string;
    destinationCountryRegion?: string;
  }): Promise<string[]>;
}

// A cursor that never ends is a bug somewhere; stop rather than spend the account's budget.
const MAX_PAGES = 1_000;
const LOOKUP_WINDOW_MS = 3 * 365 * 24 * 3_600_000;

const isCode = (error: unknown, code: number) =>
  error instanceof ShiplinkError && error.reason === afterShipReason(code);

export function createAfterShipClient(options: AfterShipClientOptions): AfterShipClient {
  const http = new HttpClient({
    profile: afterShipProfile,
    baseUrl: afterShipApiBase(options.baseUrl),
    headers: { 'as-api-key': options.credentials.apiKey, 'Content-Type': 'application/json' },
    // AfterShip's limits are per account: the budget key is a digest of the API key.
    accountKey: options.accountKey ?? digest(options.credentials.apiKey, 16),
    ...plumbing(options),
  });
  const itemPath = (id: string) => `/trackings/${encodeURIComponent(id)}`;

  const required = <T>(data: T | undefined, endpoint: string): T => {
    if (data === undefined) {
      throw new PermanentError(`aftership ${endpoint} answered without a body`, {
        provider: AFTERSHIP_PROVIDER,
        endpoint,
        reason: 'aftership.unexpected_response',
      });
    }
    return data;
  };

  const listTrackingsPage: AfterShipClient['listTrackingsPage'] = async (query) => {
    const result = await http.request({
      method: 'GET',
      path: '/trackings',
      endpoint: 'GET /trackings',
      query: {
        limit: query.limit,
        cursor: query.cursor,
        slug: query.slug,
        tracking_numbers: query.trackingNumbers?.join(','),
        updated_at_min: query.updatedAtMin?.toISOString(),
        created_at_min: query.createdAtMin?.toISOString(),
      },
      schema: AfterShipTrackingListEnvelopeSchema,
    });
    return required(result.data, 'GET /trackings').data;
  };

  const listTrackings: AfterShipClient['listTrackings'] = async (query = {}) => {
    const all: AfterShipTracking[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const list = await listTrackingsPage({ ...query, ...(cursor ? { cursor } : {}) });
      all.push(...list.trackings);
      cursor = list.pagination.next_cursor ?? undefined;
      if (!list.pagination.has_next_page || !cursor) return all;
    }
    throw new PermanentError('aftership GET /trackings did not stop paginating', {
      provider: AFTERSHIP_PROVIDER,
      endpoint: 'GET /trackings',
      reason: 'aftership.endless_pagination',
    });
  };

  /** The existing tracking behind a 4003: first the default window, then a wide one. */
  const findExisting = async (body: AfterShipCreateTrackingBody) => {
    const query = {
      trackingNumbers: [body.tracking_number],
      ...(body.slug ? { slug: body.slug } : {}),
    };
    const match = (list: AfterShipTracking[]) =>
      list.find(
        (t) => t.tracking_number === body.tracking_number && (!body.slug || t.slug === body.slug),
      );
    return (
      match(await listTrackings(query)) ??
      match(
        await listTrackings({ ...query, createdAtMin: new Date(Date.now() - LOOKUP_WINDOW_MS) }),
      )
    );
  };

  const getTracking: AfterShipClient['getTracking'] = async (id) => {
    const result = await http.request({
      method: 'GET',
      path: itemPath(id),
      endpoint: 'GET /trackings/{id}',
      schema: AfterShipTrackingEnvelopeSchema,
      allowStatus: [404],
    });
    return result.data?.data;
  };

  return {
    async createTracking(body) {
      try {
        const result = await http.request({
          method: 'POST',
          path: '/trackings',
          endpoint: 'POST /trackings',
          body,
          schema: AfterShipTrackingEnvelopeSchema,
          // Safe to repeat: a second create of the same slug + number is a 4003, handled below.
          idempotent: true,
        });
        return { tracking: required(result.data, 'POST /trackings').data, created: true };
      } catch (error) {
        if (!isCode(error, 4003)) throw error;
        const existing = await findExisting(body);
        if (!existing) {
          throw new PermanentError('aftership says the tracking exists but it cannot be found', {
            provider: AFTERSHIP_PROVIDER,
            endpoint: 'POST /trackings',
            reason: 'aftership.4003_not_found',
            cause: error,
          });
        }
        return { tracking: existing, created: false };
      }
    },

    getTracking,

    async getTrackingOrThrow(id) {
      const tracking = await getTracking(id);
      if (tracking) return tracking;
      throw new PermanentError(`aftership tracking ${id} does not exist`, {
        provider: AFTERSHIP_PROVIDER,
        endpoint: 'GET /trackings/{id}',
        status: 404,
        reason: afterShipReason(4004),
      });
    },

    async updateTracking(id, patch) {
      const result = await http.request({
        method: 'PUT',
        path: itemPath(id),
        endpoint: 'PUT /trackings/{id}',
        body: patch,
        schema: AfterShipTrackingEnvelopeSchema,
      });
      return required(result.data, 'PUT /trackings/{id}').data;
    },

    async deleteTracking(id) {
      const result = await http.request({
        method: 'DELETE',
        path: itemPath(id),
        endpoint: 'DELETE /trackings/{id}',
        schema: AfterShipTrackingEnvelopeSchema,
        allowStatus: [404],
      });
      return result.status !== 404;
    },

    listTrackings,
    listTrackingsPage,

    async detectCourier(input) {
      const destination = toAlpha3(input.destinationCountryRegion);
      try {
        const result = await http.request({
          method: 'POST',
          path: '/couriers/detect',
          endpoint: 'POST /couriers/detect',
          body: {
            tracking_number: input.trackingNumber.replace(/\s+/g, ''),
            ...(input.postalCode ? { tracking_postal_code: input.postalCode } : {}),
            ...(destination ? { destination_country_region: destination } : {}),
          },
          schema: AfterShipDetectEnvelopeSchema,
          // A lookup without side effects.
          idempotent: true,
        });
        return required(result.data, 'POST /couriers/detect').data.couriers.map((c) => c.slug);
      } catch (error) {
        // "Cannot detect courier" is an answer, not a failure: the merchant picks the carrier.
        if (isCode(error, 4012)) return [];
        throw error;
      }
    },
  };
}
