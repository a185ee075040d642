import { findConnector, type AnyConnector } from '@shiplink/connectors';
import { PermanentError } from '@shiplink/errors';

/**
 * The descriptor of the provider a stored connection (or store) names. The database keeps
 * provider ids as text checked against the registry when written; one no connector serves any
 * more (a provider removed from the registry) is a classified error, not a crash.
 */
export function connectorOf(connection: { id: string; provider: string }): AnyConnector {
  const connector = findConnector(connection.provider);
  if (!connector) {
    throw new PermanentError(
      `connection ${connection.id} names ${connection.provider}, which no connector serves`,
      { reason: 'connection.unknown_provider' },
    );
  }
  return connector;
}
