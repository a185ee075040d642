import { z } from 'zod';
import {
  checkBaseUrl,
  connectorFor,
  connectorOfConnection,
  type AnyConnector,
  parseSettings,
  PROVIDER_IDS,
  type BaseUrlPolicy,
  type ProviderClients,
} from '@shiplink/connectors';
import { isUniqueViolation, type ConnectionRecord, type Repos } from '@shiplink/db';
import { digest } from '@shiplink/domain';
import { HttpProblem } from '../http/problems';
import type { PollScheduler } from './polls.service';

const webhookSecretSchema = z.string().min(8).max(500);

/** A rotation: a URL token is generated; a signing secret comes from the provider. */
export const RotateSecretSchema = z.object({ webhookSecret: webhookSecretSchema.optional() });

export const NewConnectionSchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  /** The provider's API base URL: the real one, or a simulator's (checked by `checkBaseUrl`). */
  baseUrl: z.string().max(2_048),
  credentials: z.record(z.string().max(100), z.unknown()),
  settings: z.record(z.string().max(100), z.unknown()).optional(),
  /** For providers that show their webhook secret in their admin; others derive or generate it. */
  webhookSecret: webhookSecretSchema.optional(),
});
export type NewConnectionInput = z.infer<typeof NewConnectionSchema>;

/**
 * A connection as the admin API shows it. The webhook secret (and a URL that embeds it) is shown
 * once, when it is created or rotated; afterwards only its fingerprint.
 */
export interface PublicConnection {
  id: string;
  provider: string;
  storeId: string;
  baseUrl: string;
  settings: unknown;
  webhook: {
    url: string;
    secretFingerprint: string;
    secret?: string;
    /** Where a rotation's new secret comes from, when the provider issues it. */
    newSecretFrom?: string;
  };
}

export interface ConnectionHealth {
  connectionId: string;
  provider: string;
  active: boolean;
  lastEventAt: string | null;
  webhooks: {
    checked: boolean;
    expected: string[];
    present: string[];
    missing: string[];
    error?: string;
  };
  tokenExpiresAt: string | null;
}

export interface ConnectionsConfig {
  publicUrl: string;
  baseUrlPolicy: BaseUrlPolicy;
}

/** Where the secret segment of a webhook URL sits in a URL shown after creation. */
const HIDDEN_TOKEN = '{secret}';

const fingerprint = (secret: string) => `sha256:${digest(secret, 16)}`;

/** Creating connections and registering the provider's webhooks to this ingress. */
export class ConnectionsService {
  constructor(
    private readonly repos: Repos,
    private readonly clients: ProviderClients,
    private readonly polls: PollScheduler,
    private readonly config: ConnectionsConfig,
  ) {}

  async create(storeId: string, input: NewConnectionInput): Promise<PublicConnection> {
    const store = await this.repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', `store ${storeId} does not exist`);
    const baseUrl = checkBaseUrl(input.baseUrl, this.config.baseUrlPolicy);
    if (!baseUrl.ok) {
      throw new HttpProblem(400, 'invalid_base_url', `baseUrl ${baseUrl.reason}`);
    }
    const connector: AnyConnector = connectorFor(input.provider);
    const credentials = connector.credentials.safeParse(input.credentials);
    if (!credentials.success) {
      throw new HttpProblem(
        400,
        'invalid_credentials',
        `credentials do not fit ${input.provider}`,
        credentials.error.issues.map(
          (i: { path: PropertyKey[]; message: string }) => `${i.path.join('.')}: ${i.message}`,
        ),
      );
    }
    const settings = connector.settings.safeParse(input.settings ?? {});
    if (!settings.success) {
      throw new HttpProblem(
        400,
        'invalid_settings',
        `settings do not fit ${input.provider}`,
        settings.error.issues.map(
          (i: { path: PropertyKey[]; message: string }) => `${i.path.join('.')}: ${i.message}`,
        ),
      );
    }
    const secrets = connector.secrets(credentials.data, input.webhookSecret);
    if (!secrets.ok) throw new HttpProblem(400, 'webhook_secret_required', secrets.message);
    const connection = await this.repos.tenancy
      .createConnection({
        tenantId: store.tenantId,
        storeId,
        provider: input.provider,
        baseUrl: baseUrl.url,
        credentials: credentials.data,
        settings: settings.data,
        webhookSecret: secrets.webhookSecret,
        accountKey: secrets.accountKey,
      })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        throw new HttpProblem(
          409,
          'connection_exists',
          `store ${storeId} already has a ${input.provider} connection`,
        );
      });
    await this.polls.schedule(connection);
    return this.present(connection, { revealSecret: true });
  }

  /** Runs the connection's polls now (a change at a provider that sends no webhook for it). */
  async pollNow(connectionId: string): Promise<{ jobs: string[] }> {
    const connection = await this.repos.tenancy.findConnection(connectionId);
    if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
    return { jobs: await this.polls.runNow(connection) };
  }

  /** A new webhook secret, shown this once. Re-register the webhooks so providers use it. */
  async rotateSecret(connectionId: string, input: z.infer<typeof RotateSecretSchema>) {
    const connection = await this.repos.tenancy.findConnection(connectionId);
    if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
    // Stored credentials are what the provider's schema produced at creation.
    const rotation = connectorOfConnection(connection).rotateSecret(
      connection.credentials,
      input.webhookSecret,
    );
    if (!rotation.ok) throw new HttpProblem(400, 'webhook_secret_required', rotation.message);
    const rotated = await this.repos.tenancy.rotateWebhookSecret(
      connection.id,
      rotation.webhookSecret,
      rotation.credentials,
    );
    return this.present(rotated, { revealSecret: true });
  }

  present(
    connection: ConnectionRecord,
    options: { revealSecret?: boolean } = {},
  ): PublicConnection {
    const secret = connection.webhookSecret;
    const { newSecretFrom } = connectorOfConnection(connection);
    return {
      id: connection.id,
      provider: connection.provider,
      storeId: connection.storeId,
      baseUrl: connection.baseUrl,
      settings: connection.settings,
      webhook: {
        url: this.webhookUrl(connection, options.revealSecret ? secret : HIDDEN_TOKEN),
        secretFingerprint: fingerprint(secret),
        ...(options.revealSecret ? { secret } : {}),
        ...(newSecretFrom ? { newSecretFrom } : {}),
      },
    };
  }

  /** Providers that sign nothing are authenticated by the secret in the path instead. */
  private webhookUrl(connection: Pick<ConnectionRecord, 'id' | 'provider'>, token: string): string {
    const base = `${this.config.publicUrl.replace(/\/+$/, '')}/webhooks/${connection.provider}/${connection.id}`;
    return connectorOfConnection(connection).webhook?.secretInPath ? `${base}/${token}` : base;
  }

  /** Makes the provider call us, where its API can; otherwise says how to add the URL by hand. */
  async registerWebhooks(
    connectionId: string,
  ): Promise<{ registered: string[]; existing: string[]; manualSetup?: string }> {
    const connection = await this.repos.tenancy.findConnection(connectionId);
    if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
    const connector = connectorOfConnection(connection);
    if (!connector.registerWebhooks) {
      throw new HttpProblem(
        400,
        'manual_registration',
        connector.manualWebhookSetup ?? `${connector.name} webhooks are added in its admin`,
      );
    }
    const destination = this.webhookUrl(connection, connection.webhookSecret);
    const result = await connector.registerWebhooks(
      this.clients.for({ ...connection, provider: connector.id }),
      destination,
      parseSettings(connector.settings, connection.settings, connection.id),
    );
    // Secrets a provider issues at registration are shown once: kept, encrypted, right away.
    if (result.credentials !== undefined) {
      await this.repos.tenancy.updateCredentials(connection.id, result.credentials);
    }
    if (result.settings !== undefined) {
      await this.repos.tenancy.updateConnectionSettings(connection.id, result.settings);
    }
    return {
      registered: result.registered,
      existing: result.existing,
      // The part a person still does in the provider's admin, where there is one.
      ...(connector.manualWebhookSetup ? { manualSetup: connector.manualWebhookSetup } : {}),
    };
  }

  /**
   * How a connection is doing: the last delivery it sent, the hub's webhook subscriptions the
   * provider has (where it can list them) and when its access token expires (where it does).
   */
  async health(connectionId: string): Promise<ConnectionHealth> {
    const connection = await this.repos.tenancy.findConnection(connectionId);
    if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
    const connector = connectorOfConnection(connection);
    const lastEventAt = await this.repos.inbox.lastReceivedAt(connection.id);
    const expiry = (connection.credentials as { accessTokenExpiresAt?: unknown } | null)
      ?.accessTokenExpiresAt;
    return {
      connectionId: connection.id,
      provider: connection.provider,
      active: connection.active,
      lastEventAt: lastEventAt?.toISOString() ?? null,
      webhooks: await this.webhookHealth(connection, connector),
      tokenExpiresAt: typeof expiry === 'string' ? expiry : null,
    };
  }

  private async webhookHealth(
    connection: ConnectionRecord,
    connector: AnyConnector,
  ): Promise<ConnectionHealth['webhooks']> {
    const unchecked = { checked: false, expected: [], present: [], missing: [] };
    if (!connector.webhookHealth || !connection.active) return unchecked;
    try {
      const found = await connector.webhookHealth(
        this.clients.for({ ...connection, provider: connector.id }),
        this.webhookUrl(connection, connection.webhookSecret),
        parseSettings(connector.settings, connection.settings, connection.id),
      );
      return { checked: true, ...found };
    } catch (error) {
      // A provider that cannot answer now is part of the health shown, not a failed request.
      return {
        ...unchecked,
        error: error instanceof Error ? error.message.slice(0, 300) : 'failed',
      };
    }
  }
}
