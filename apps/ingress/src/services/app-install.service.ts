import {
  connectorFor,
  type AnyConnector,
  type AppInstallGrant,
  type AppRegistration,
  type AppUser,
  type ProviderId,
} from '@shiplink/connectors';
import type { Repos, UserRole } from '@shiplink/db';
import type { Logger } from '@shiplink/logger';
import { PermanentError } from '@shiplink/errors';
import type { LaunchTickets } from '../auth/launch-tickets';
import { HttpProblem } from '../http/problems';
import type { ConnectionsService } from './connections.service';
import type { InstallsService } from './installs.service';
import type { PollScheduler } from './polls.service';

export interface Launch {
  storeId: string;
  /** Trades for a console session (see LaunchTickets). */
  ticket: string;
  /** Set after an install whose webhooks could not be registered yet (the console shows it). */
  webhooksPending?: boolean;
}

const platformRef = (provider: ProviderId, user: AppUser) => `${provider}:${user.ref}`;

/**
 * Installing, opening and uninstalling the hub as an app at a store platform. Installing makes
 * (or brings back) the tenant, the store, its platform connection and its owner, registers the
 * store's webhooks and schedules its polls, with nothing for the merchant to copy.
 */
export class AppInstallService {
  constructor(
    private readonly deps: {
      repos: Repos;
      connections: ConnectionsService;
      installs: InstallsService;
      polls: PollScheduler;
      tickets: LaunchTickets;
      logger: Logger;
      apps: ReadonlyMap<ProviderId, AppRegistration>;
    },
  ) {}

  registration(provider: ProviderId): AppRegistration {
    const app = this.deps.apps.get(provider);
    if (!app || !connectorFor(provider).appInstall) {
      throw new HttpProblem(404, 'not_found', 'no such endpoint');
    }
    return app;
  }

  async install(provider: ProviderId, query: Record<string, unknown>): Promise<Launch> {
    const connector: AnyConnector = connectorFor(provider);
    const app = this.registration(provider);
    const grant = await connector.appInstall!.install(app, query).catch(refused);
    const credentials = connector.credentials.parse(grant.credentials);
    const secrets = connector.secrets(credentials, undefined);
    if (!secrets.ok) throw new PermanentError(secrets.message, { reason: 'app.bad_grant' });
    const known = await this.deps.repos.accounts.findUserByEmail(grant.owner.email);
    const installed = await this.deps.repos.installs.install({
      platform: provider,
      storeRef: grant.storeRef,
      storeName: `${connector.name} store ${grant.storeRef}`,
      tenantId: known?.tenantId,
      connection: {
        baseUrl: grant.baseUrl,
        credentials,
        webhookSecret: secrets.webhookSecret,
        accountKey: secrets.accountKey,
      },
    });
    const owner = await this.person(installed.tenantId, provider, grant.owner, 'owner');
    const user =
      grant.user.ref === grant.owner.ref
        ? owner
        : await this.person(installed.tenantId, provider, grant.user, 'operator');
    const webhooksPending = !(await this.start(installed.connectionId));
    await this.deps.repos.accounts.recordAction({
      tenantId: installed.tenantId,
      actorKind: 'user',
      actorId: user.id,
      actorLabel: user.email,
      action: installed.created ? 'app.installed' : 'app.reinstalled',
      target: JSON.stringify({ storeId: installed.storeId, provider }),
      detail: { scopes: grant.scopes, webhooksPending },
    });
    return {
      storeId: installed.storeId,
      ticket: await this.deps.tickets.issue(user.id),
      ...(webhooksPending ? { webhooksPending } : {}),
    };
  }

  /** The load callback: a ticket for the person opening the app from the control panel. */
  async load(provider: ProviderId, query: Record<string, unknown>): Promise<Launch> {
    const { launch, store } = await this.verified(provider, query);
    if (store.uninstalledAt)
      throw new HttpProblem(404, 'not_installed', 'the app is not installed');
    const role: UserRole = launch.user.ref === launch.owner.ref ? 'owner' : 'viewer';
    const user = await this.person(store.tenantId, provider, launch.user, role);
    return { storeId: store.id, ticket: await this.deps.tickets.issue(user.id) };
  }

  async uninstall(provider: ProviderId, query: Record<string, unknown>) {
    const { launch, store } = await this.verified(provider, query);
    const stopped = await this.deps.installs.disconnect(provider, launch.storeRef);
    await this.deps.repos.accounts.recordAction({
      tenantId: store.tenantId,
      actorKind: 'platform-user',
      actorId: platformRef(provider, launch.user),
      actorLabel: launch.user.email,
      action: 'app.uninstalled',
      target: JSON.stringify({ storeId: store.id, provider }),
      detail: { connections: stopped?.connections ?? [] },
    });
    return { storeId: store.id, stopped: stopped?.connections.length ?? 0 };
  }

  /** A person the store's owner removed from the app at the platform: signed out and disabled. */
  async removeUser(provider: ProviderId, query: Record<string, unknown>) {
    const { launch, store } = await this.verified(provider, query);
    const user = await this.deps.repos.accounts.findPlatformUser(
      store.tenantId,
      platformRef(provider, launch.user),
    );
    if (user && user.role !== 'owner') {
      await this.deps.repos.accounts.updateUser(
        { kind: 'tenant', tenantId: store.tenantId },
        user.id,
        {
          disabled: true,
        },
      );
    }
    return { removed: Boolean(user && user.role !== 'owner') };
  }

  private async verified(provider: ProviderId, query: Record<string, unknown>) {
    const handler = connectorFor(provider).appInstall;
    const verdict = handler!.verifyLaunch(this.registration(provider), query, Date.now());
    if (!verdict.ok) throw new HttpProblem(401, 'invalid_signed_payload', verdict.reason);
    const store = await this.deps.repos.tenancy.findStoreByRef(provider, verdict.launch.storeRef);
    if (!store)
      throw new HttpProblem(404, 'unknown_store', 'the app is not installed for this store');
    return { launch: verdict.launch, store };
  }

  /** The platform account's user in the tenant: found by its platform id, then by e-mail. */
  private async person(tenantId: string, provider: ProviderId, who: AppUser, role: UserRole) {
    const { accounts } = this.deps.repos;
    const ref = platformRef(provider, who);
    const linked = await accounts.findPlatformUser(tenantId, ref);
    if (linked) return linked;
    const byEmail = await accounts.findUserByEmail(who.email);
    if (byEmail && byEmail.tenantId === tenantId) return accounts.linkPlatformUser(byEmail.id, ref);
    if (byEmail) {
      throw new HttpProblem(
        409,
        'email_in_other_tenant',
        `${who.email} belongs to another account`,
      );
    }
    return accounts.createUser({ tenantId, email: who.email, role, platformRef: ref });
  }

  /** Webhooks and polls for the store's connection; false when the webhooks must wait. */
  private async start(connectionId: string): Promise<boolean> {
    const connection = await this.deps.repos.tenancy.findConnection(connectionId);
    if (connection) await this.deps.polls.schedule(connection);
    try {
      await this.deps.connections.registerWebhooks(connectionId);
      return true;
    } catch (error) {
      this.deps.logger.warn('app install webhooks not registered', { connectionId, error });
      return false;
    }
  }
}

/** A grant the platform refused is the caller's problem (a used or stale code): 400, not 500. */
function refused(error: unknown): never {
  if (error instanceof PermanentError) {
    throw new HttpProblem(400, 'install_refused', error.message);
  }
  throw error;
}

export type { AppInstallGrant };
