import type { z } from 'zod';
import { digest } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { Logger } from '@shiplink/logger';
import {
  AfterShipCredentialsSchema,
  createAfterShipClient,
  type AfterShipClient,
} from './aftership';
import {
  BigCommerceCredentialsSchema,
  createBigCommerceClient,
  type BigCommerceClient,
} from './bigcommerce';
import type { AuditSink } from './http/audit';
import type { RateLimiter } from './http/rate-limiter';
import {
  createShipStationClient,
  ShipStationCredentialsSchema,
  type ShipStationClient,
} from './shipstation';

/** The credentials each provider's connection must hold. */
export const CONNECTION_CREDENTIALS = {
  bigcommerce: BigCommerceCredentialsSchema,
  shipstation: ShipStationCredentialsSchema,
  aftership: AfterShipCredentialsSchema,
} as const;

/** The part of a stored connection a client needs. */
export interface ConnectionLike {
  id: string;
  baseUrl: string;
  credentials: unknown;
}

export interface ProviderClients {
  bigcommerce(connection: ConnectionLike): BigCommerceClient;
  shipstation(connection: ConnectionLike): ShipStationClient;
  aftership(connection: ConnectionLike): AfterShipClient;
}

export interface ClientDeps {
  limiter?: RateLimiter;
  audit?: AuditSink;
  logger?: Logger;
  maxInlineWaitMs?: number;
}

/** Builds (and reuses) a provider client per connection, sharing budgets and the audit trail. */
export function createProviderClients(deps: ClientDeps): ProviderClients {
  const cache = new Map<string, unknown>();
  const cached = <T>(connection: ConnectionLike, build: () => T): T => {
    const key = `${connection.id}:${connection.baseUrl}:${digest(JSON.stringify(connection.credentials))}`;
    if (!cache.has(key)) cache.set(key, build());
    return cache.get(key) as T;
  };
  const common = (connection: ConnectionLike) => ({
    baseUrl: connection.baseUrl,
    connectionId: connection.id,
    ...deps,
  });
  return {
    bigcommerce: (connection) =>
      cached(connection, () =>
        createBigCommerceClient({
          ...common(connection),
          credentials: credentials(BigCommerceCredentialsSchema, connection),
        }),
      ),
    shipstation: (connection) =>
      cached(connection, () =>
        createShipStationClient({
          ...common(connection),
          credentials: credentials(ShipStationCredentialsSchema, connection),
        }),
      ),
    aftership: (connection) =>
      cached(connection, () =>
        createAfterShipClient({
          ...common(connection),
          credentials: credentials(AfterShipCredentialsSchema, connection),
        }),
      ),
  };
}

function credentials<S extends z.ZodType>(schema: S, connection: ConnectionLike): z.infer<S> {
  const parsed = schema.safeParse(connection.credentials);
  if (!parsed.success) {
    throw new PermanentError(`connection ${connection.id} has unusable credentials`, {
      reason: 'connection.bad_credentials',
    });
  }
  return parsed.data;
}
