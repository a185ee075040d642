import type { z } from 'zod';
import { digest } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { ClientDeps, ConnectionLike } from './descriptor';
import {
  CONNECTORS,
  connectorFor,
  type AnyConnector,
  type ConnectorOf,
  type ProviderId,
} from './registry';

/** The client a provider's descriptor builds. */
export type ClientOf<P extends ProviderId> = ReturnType<ConnectorOf<P>['createClient']>;

/**
 * A client per connection: by provider name (`clients.bigcommerce(connection)`), or for any
 * connection by the provider it names (`clients.for(connection)`).
 */
export type ProviderClients = {
  readonly [P in ProviderId]: (connection: ConnectionLike) => ClientOf<P>;
} & {
  for<P extends ProviderId>(connection: ConnectionLike & { provider: P }): ClientOf<P>;
};

/** Builds (and reuses) a provider client per connection, sharing budgets and the audit trail. */
export function createProviderClients(deps: ClientDeps): ProviderClients {
  const cache = new Map<string, unknown>();
  const clientOf = (connector: AnyConnector, connection: ConnectionLike): unknown => {
    const key = `${connector.id}:${connection.id}:${connection.baseUrl}:${digest(JSON.stringify(connection.credentials))}`;
    if (!cache.has(key)) {
      const parsed = credentials(connector.credentials, connection);
      cache.set(
        key,
        connector.createClient(
          { id: connection.id, baseUrl: connection.baseUrl, credentials: parsed },
          deps,
        ),
      );
    }
    return cache.get(key);
  };
  const byProvider = Object.fromEntries(
    CONNECTORS.map((connector) => [
      connector.id,
      (connection: ConnectionLike) => clientOf(connector, connection),
    ]),
  );
  // The entries are built from the registry, one per descriptor, so they fit the mapped type.
  return {
    ...byProvider,
    for: (connection: ConnectionLike & { provider: ProviderId }) =>
      clientOf(connectorFor(connection.provider), connection),
  } as ProviderClients;
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
