import type { Db } from '../client';
import type { AdminAction, ApiToken, User, UserRole } from '../generated/prisma/client';
import { ownedBy, type Scope } from '../scope';

export type { AdminAction, ApiToken, User, UserRole };

/** A session worth honouring, with the person it signs in. */
export interface ActiveSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  /** Null for the platform operator's session. */
  user: Pick<User, 'id' | 'tenantId' | 'email' | 'name' | 'role'> | null;
}

export interface NewAdminAction {
  tenantId: string | null;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  target?: string | undefined;
  detail?: Record<string, unknown>;
}

const USER_FIELDS = { id: true, tenantId: true, email: true, name: true, role: true } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Console users, their sessions, tenants' API tokens, and the log of admin actions. */
export class AccountsRepo {
  constructor(private readonly db: Db) {}

  createUser(input: {
    tenantId: string;
    email: string;
    role: UserRole;
    name?: string | null;
    passwordHash?: string | null;
    platformRef?: string | null;
  }): Promise<User> {
    return this.db.user.create({ data: { ...input, email: input.email.toLowerCase() } });
  }

  findUserByEmail(email: string): Promise<User | null> {
    return this.db.user.findUnique({ where: { email: email.toLowerCase() } });
  }

  findPlatformUser(tenantId: string, platformRef: string): Promise<User | null> {
    return this.db.user.findUnique({ where: { tenantId_platformRef: { tenantId, platformRef } } });
  }

  /** Links a user who signed up another way to the platform account that just launched the app. */
  linkPlatformUser(userId: string, platformRef: string): Promise<User> {
    return this.db.user.update({ where: { id: userId }, data: { platformRef } });
  }

  listUsers(scope: Scope) {
    return this.db.user.findMany({
      where: ownedBy(scope),
      select: { ...USER_FIELDS, createdAt: true, lastLoginAt: true, disabledAt: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  async updateUser(
    scope: Scope,
    id: string,
    change: { role?: UserRole; disabled?: boolean },
  ): Promise<User | undefined> {
    if (!UUID.test(id)) return undefined;
    const [user] = await this.db.user.updateManyAndReturn({
      where: { id, ...ownedBy(scope) },
      data: {
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled === undefined
          ? {}
          : { disabledAt: change.disabled ? new Date() : null }),
      },
    });
    if (user && change.disabled) await this.revokeUserSessions(user.id);
    return user;
  }

  async createSession(input: {
    id: string;
    userId: string | null;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.session.create({ data: input });
    if (input.userId) {
      await this.db.user.update({ where: { id: input.userId }, data: { lastLoginAt: new Date() } });
    }
  }

  /** The session with this (hashed) id, unless it expired, was revoked or its user disabled. */
  async findSession(id: string, now = new Date()): Promise<ActiveSession | undefined> {
    const row = await this.db.session.findFirst({
      where: {
        id,
        revokedAt: null,
        expiresAt: { gt: now },
        OR: [{ userId: null }, { user: { disabledAt: null } }],
      },
      select: {
        id: true,
        csrfToken: true,
        expiresAt: true,
        lastSeenAt: true,
        user: { select: USER_FIELDS },
      },
    });
    return row ?? undefined;
  }

  /** Slides a session's expiry forward (called at most once a minute per session). */
  async touchSession(id: string, expiresAt: Date): Promise<void> {
    await this.db.session.updateMany({
      where: { id, revokedAt: null },
      data: { lastSeenAt: new Date(), expiresAt },
    });
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.session.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  async revokeUserSessions(userId: string): Promise<void> {
    await this.db.session.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  /** Signs everyone of a tenant out (its store was uninstalled, say). */
  async revokeTenantSessions(tenantId: string): Promise<number> {
    const { count } = await this.db.session.updateMany({
      where: { user: { tenantId }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count;
  }

  createApiToken(input: {
    tenantId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: string[];
    createdBy: string | null;
    expiresAt: Date | null;
  }): Promise<ApiToken> {
    return this.db.apiToken.create({ data: input });
  }

  /** The token with this hash, unless revoked or expired; its last use is recorded. */
  async useApiToken(tokenHash: string, now = new Date()): Promise<ApiToken | undefined> {
    const token = await this.db.apiToken.findFirst({
      where: {
        tokenHash,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
    });
    if (!token) return undefined;
    // Recorded at minute granularity, so a busy token does not write on every request.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
      await this.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    return token;
  }

  listApiTokens(scope: Scope) {
    return this.db.apiToken.findMany({
      where: ownedBy(scope),
      omit: { tokenHash: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  async revokeApiToken(scope: Scope, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const { count } = await this.db.apiToken.updateMany({
      where: { id, revokedAt: null, ...ownedBy(scope) },
      data: { revokedAt: new Date() },
    });
    return count > 0;
  }

  async recordAction(action: NewAdminAction): Promise<void> {
    await this.db.adminAction.create({
      data: { ...action, detail: (action.detail ?? {}) as object },
    });
  }

  listActions(scope: Scope, limit = 200) {
    return this.db.adminAction.findMany({
      where: ownedBy(scope),
      orderBy: { at: 'desc' },
      take: Math.min(limit, 1_000),
    });
  }
}
