import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  checkBaseUrl,
  CONNECTION_CREDENTIALS,
  CONNECTION_SETTINGS,
  type BaseUrlPolicy,
  type ProviderClients,
} from '@shiplink/connectors';
import { BIGCOMMERCE_ORDER_SCOPES } from '@shiplink/connectors/bigcommerce';
import { isUniqueViolation, type ConnectionRecord, type Provider, type Repos } from '@shiplink/db';
import { digest } from '@shiplink/domain';
import { HttpProblem } from '../http/problems';
import type { PollScheduler } from './polls.service';

const webhookSecretSchema = z.string().min(8).max(500);

/** A rotation: ShipStation's URL token is generated; the others come from the provider. */
export const RotateSecretSchema = z.object({ webhookSecret: webhookSecretSchema.optional() });

export const NewConnectionSchema = z.object({
  provider: z.enum(['bigcommerce', 'shipstation', 'aftership']),
  /** The provider's API base URL: the real one, or a simulator's (checked by `checkBaseUrl`). */
  baseUrl: z.string().max(2_048),
  credentials: z.record(z.string().max(100), z.unknown()),
  settings: z.record(z.string().max(100), z.unknown()).optional(),
  /** AfterShip shows its webhook secret in its admin; the others are derived or generated. */
  webhookSecret: webhookSecretSchema.optional(),
});
export type NewConnectionInput = z.infer<typeof NewConnectionSchema>;

/** BigCommerce scopes the hub listens to: every order change (archiving too) and new shipments. */
const BIGCOMMERCE_SCOPES = [
  ...BIGCOMMERCE_ORDER_SCOPES,
  'store/shipment/created',
  'store/shipment/updated',
] as const;

/**
 * A connection as the admin API shows it. The webhook secret (and a URL that embeds it) is shown
 * once, when it is created or rotated; afterwards only its fingerprint.
 */
export interface PublicConnection {
  id: string;
  provider: Provider;
  storeId: string;
  baseUrl: string;
  settings: unknown;
  webhook: { url: string; secretFingerprint: string; secret?: string };
}

export interface ConnectionsConfig {
  publicUrl: string;
  baseUrlPolicy: BaseUrlPolicy;
}

/** Where ShipStation's URL token sits in a URL shown after creation. */
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
    const credentials = CONNECTION_CREDENTIALS[input.provider].safeParse(input.credentials);
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
    const settings = CONNECTION_SETTINGS[input.provider].safeParse(input.settings ?? {});
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
    const secrets = this.secretsFor(input, credentials.data);
    const connection = await this.repos.tenancy
      .createConnection({
        tenantId: store.tenantId,
        storeId,
        provider: input.provider,
        baseUrl: baseUrl.url,
        credentials: credentials.data,
        settings: settings.data,
        ...secrets,
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

  /** A new webhook secret, shown this once. Re-register the webhooks so providers use it. */
  async rotateSecret(connectionId: string, input: z.infer<typeof RotateSecretSchema>) {
    const connection = await this.repos.tenancy.findConnection(connectionId);
    if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
    const rotated = await this.repos.tenancy.rotateWebhookSecret(
      connection.id,
      ...this.rotation(connection, input.webhookSecret),
    );
    return this.present(rotated, { revealSecret: true });
  }

  present(
    connection: ConnectionRecord,
    options: { revealSecret?: boolean } = {},
  ): PublicConnection {
    const secret = connection.webhookSecret;
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
      },
    };
  }

  /** ShipStation V1 signs nothing: the secret in the path is what authenticates its calls. */
  private webhookUrl(connection: Pick<ConnectionRecord, 'id' | 'provider'>, token: string): string {
    const base = `${this.config.publicUrl.replace(/\/+$/, '')}/webhooks/${connection.provider}/${connection.id}`;
    return connection.provider === 'shipstation' ? `${base}/${token}` : base;
  }

  /** Makes the provider call us: BigCommerce hooks per scope, ShipStation SHIP_NOTIFY. */
  async registerWebhooks(
    connectionId: string,
  ): Promise<{ registered: string[]; existing: string[] }> {
    const connection = await this.repos.tenancy.findConnection(connectionId);
    if (!connection) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
    const destination = this.webhookUrl(connection, connection.webhookSecret);
    const registered: string[] = [];
    const existing: string[] = [];
    if (connection.provider === 'bigcommerce') {
      const client = this.clients.bigcommerce(connection);
      const hooks = await client.listHooks();
      for (const scope of BIGCOMMERCE_SCOPES) {
        const found = hooks.some((h) => h.scope === scope && h.destination === destination);
        if (found) existing.push(scope);
        else {
          await client.createHook({ scope, destination, is_active: true });
          registered.push(scope);
        }
      }
    } else if (connection.provider === 'shipstation') {
      const client = this.clients.shipstation(connection);
      const hooks = await client.listWebhooks();
      const found = hooks.some((h) => h.event === 'SHIP_NOTIFY' && h.url === destination);
      if (found) existing.push('SHIP_NOTIFY');
      else {
        await client.subscribeWebhook({
          targetUrl: destination,
          event: 'SHIP_NOTIFY',
          friendlyName: 'Shiplink shipments',
        });
        registered.push('SHIP_NOTIFY');
      }
    } else {
      throw new HttpProblem(
        400,
        'manual_registration',
        'AfterShip webhooks are added in its admin (Settings → Webhooks) with this URL',
      );
    }
    return { registered, existing };
  }

  /** The new secret, and for BigCommerce the credentials it lives in (the app's client secret). */
  private rotation(
    connection: ConnectionRecord,
    given: string | undefined,
  ): [secret: string, credentials?: unknown] {
    if (connection.provider === 'shipstation') return [randomBytes(24).toString('base64url')];
    if (!given) {
      throw new HttpProblem(
        400,
        'webhook_secret_required',
        `a ${connection.provider} secret comes from the provider: send it as webhookSecret`,
      );
    }
    if (connection.provider === 'bigcommerce') {
      return [given, { ...(connection.credentials as object), clientSecret: given }];
    }
    return [given];
  }

  private secretsFor(
    input: NewConnectionInput,
    credentials: Record<string, unknown>,
  ): { webhookSecret: string; accountKey: string } {
    switch (input.provider) {
      case 'bigcommerce':
        // BigCommerce signs webhooks with the app's client secret.
        return {
          webhookSecret: String(credentials.clientSecret),
          accountKey: String(credentials.storeHash),
        };
      case 'shipstation':
        return {
          webhookSecret: randomBytes(24).toString('base64url'),
          accountKey: digest(String(credentials.apiKey)),
        };
      case 'aftership':
        if (!input.webhookSecret) {
          throw new HttpProblem(
            400,
            'webhook_secret_required',
            'AfterShip connections need the webhook secret from AfterShip → Settings → Webhooks',
          );
        }
        return {
          webhookSecret: input.webhookSecret,
          accountKey: digest(String(credentials.apiKey)),
        };
    }
  }
}
