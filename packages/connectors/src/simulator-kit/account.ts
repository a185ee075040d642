import { randomBytes } from 'node:crypto';

/** The hub's answer once it holds a connection: its id and the URL its webhooks arrive at. */
export interface ConnectedAccount {
  id: string;
  webhookUrl: string;
}

/**
 * A fresh account in a running simulator, as a merchant would paste it into the hub: the body of
 * `POST /admin/api/stores/:storeId/connections`, plus what the merchant still does by hand.
 */
export interface SimulatorAccount<P extends string = string> {
  provider: P;
  baseUrl: string;
  credentials: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Only where the provider issues the secret itself, in its admin. */
  webhookSecret?: string;
  /** Set by a store platform: the store's external ref in the hub. */
  storeRef?: string;
  /**
   * The merchant's step in the provider's admin after the hub has the connection, for providers
   * the hub cannot register webhooks with.
   */
  connected?(connection: ConnectedAccount): Promise<void>;
}

export interface OpenAccountOptions {
  /** The merchant's choices for the connection; each provider has its defaults. */
  settings?: Record<string, unknown>;
  /** A store platform's store ref, where a stable one reads better than a fresh one (the demo). */
  storeRef?: string;
}

/** Opens a fresh account in the simulator at `baseUrl` through its control API. */
export type OpenAccount<A extends SimulatorAccount> = (
  baseUrl: string,
  options?: OpenAccountOptions,
) => Promise<A>;

/** A credential nobody else holds, so parallel worlds never share an account. */
export const freshSecret = (): string => randomBytes(18).toString('base64url');

/** Letters and digits only, for identifiers that appear in API paths. */
export const freshId = (prefix: string): string =>
  `${prefix}${randomBytes(6).toString('hex').slice(0, 8)}`;
