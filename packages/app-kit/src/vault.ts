import type { CredentialVault } from '@shiplink/connectors';
import type { Repos } from '@shiplink/db';

/**
 * Credentials that rotate while the hub runs (ShipHero's access token), kept encrypted with the
 * connection; a rotation runs under a PostgreSQL advisory lock, so one process at a time does it.
 */
export function databaseVault(repos: Repos): CredentialVault {
  return {
    read: (connectionId) => repos.tenancy.readCredentials(connectionId),
    save: (connectionId, credentials) => repos.tenancy.updateCredentials(connectionId, credentials),
    exclusive: (key, work) => repos.locks.withLock(`credentials:${key}`, work),
  };
}
