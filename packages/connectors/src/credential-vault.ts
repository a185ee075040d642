/**
 * Where clients keep credentials that change while they run (an OAuth access token refreshed
 * before it expires): saved encrypted with the connection, visible to every process, and
 * renewed by one process at a time. The database package implements it; connectors only ask.
 */
export interface CredentialVault {
  /** The connection's credentials as last saved (decrypted); undefined for an unknown one. */
  read(connectionId: string): Promise<unknown>;
  /** Saves rotated credentials for every process. */
  save(connectionId: string, credentials: unknown): Promise<void>;
  /** Runs `work` while no other process runs work under the same `key`. */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** One process alone (tests, tools): credentials change in memory, work is serialized here. */
export function inMemoryVault(): CredentialVault {
  const saved = new Map<string, unknown>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    read: async (connectionId) => saved.get(connectionId),
    save: async (connectionId, credentials) => {
      saved.set(connectionId, credentials);
    },
    exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(work);
      queues.set(key, next);
      return next;
    },
  };
}
