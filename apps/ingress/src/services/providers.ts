import { connectorFor, type AnyConnector, type ProviderId } from '@shiplink/connectors';
import type { Provider } from '@shiplink/db';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/**
 * The database keeps its own `Provider` enum (prisma/schema.prisma) beside the registry. A
 * provider registered but missing from the enum could not be stored, and one in the enum without
 * a descriptor could not be served: either mismatch fails the type check here.
 */
export type ProviderListsAgree = Assert<Same<Provider, ProviderId>>;

/** The descriptor of the provider a stored connection (or store) names. */
export function connectorOf(connection: { provider: ProviderId }): AnyConnector {
  return connectorFor(connection.provider);
}
