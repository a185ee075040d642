import { z } from 'zod';
import { isUniqueViolation, type Repos, type Scope, type UserRole } from '@shiplink/db';
import { HttpProblem } from '../http/problems';
import { TOKEN_SCOPES } from '../auth/permissions';
import {
  API_TOKEN_PREFIX,
  decoyHash,
  hashPassword,
  newSecret,
  sha256,
  verifyPassword,
} from '../auth/secrets';

const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
/** NIST 800-63B: at least 12 characters, no composition rules, long passphrases welcome. */
const password = z.string().min(12).max(200);
const role = z.enum(['owner', 'operator', 'viewer']);

export const SignInSchema = z.union([
  z.object({ email: z.string().max(320), password: z.string().max(200) }).strict(),
  z.object({ operatorToken: z.string().max(200) }).strict(),
]);
export const NewUserSchema = z.object({
  email,
  role,
  password,
  name: z.string().max(200).optional(),
});
export const UserChangeSchema = z
  .object({ role: role.optional(), disabled: z.boolean().optional() })
  .refine(
    (change) => change.role !== undefined || change.disabled !== undefined,
    'nothing to change',
  );
export const NewTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(3_650).optional(),
});

const DAY_MS = 86_400_000;

/** A tenant's people and API tokens, and checking who signs in. */
export class AccountsService {
  constructor(private readonly repos: Repos) {}

  /** The user these credentials are, or undefined; unknown e-mails cost a hash too. */
  async checkPassword(address: string, given: string) {
    const user = await this.repos.accounts.findUserByEmail(address.trim());
    const stored = user?.passwordHash ?? (await decoyHash());
    const matches = await verifyPassword(given, stored);
    return matches && user?.passwordHash && !user.disabledAt ? user : undefined;
  }

  async createUser(tenantId: string, input: z.infer<typeof NewUserSchema>) {
    try {
      const user = await this.repos.accounts.createUser({
        tenantId,
        email: input.email,
        role: input.role as UserRole,
        name: input.name ?? null,
        passwordHash: await hashPassword(input.password),
      });
      return { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new HttpProblem(409, 'user_exists', 'an account with this e-mail exists');
    }
  }

  async changeUser(scope: Scope, userId: string, change: z.infer<typeof UserChangeSchema>) {
    const user = await this.repos.accounts.updateUser(scope, userId, change);
    if (!user) throw new HttpProblem(404, 'unknown_user', 'no such user');
    return { id: user.id, email: user.email, role: user.role, disabledAt: user.disabledAt };
  }

  /** A new API token: the secret is in this answer only; the database keeps its hash. */
  async createToken(
    tenantId: string,
    createdBy: string | null,
    input: z.infer<typeof NewTokenSchema>,
  ) {
    const token = newSecret(API_TOKEN_PREFIX);
    const created = await this.repos.accounts.createApiToken({
      tenantId,
      name: input.name,
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      tokenHash: sha256(token),
      scopes: input.scopes,
      createdBy,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
    });
    const { tokenHash: _hash, ...shown } = created;
    return { ...shown, token };
  }
}
