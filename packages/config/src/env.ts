import { z } from 'zod';
import { redisUrlProblem } from './redis-url';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once, at boot. Every bad or missing variable is listed in one error so
 * an operator fixes them all in one go.
 */
export function parseEnv<T extends z.ZodRawShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(root)';
    const shown = env[name] === undefined ? 'is not set' : 'is invalid';
    return `${name} ${shown}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Building blocks shared by the apps' `env.ts` files. */
export const envVars = {
  databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }),
  /** One server, or a Redis Cluster as `redis+cluster://host:port,host:port` (see redis-url.ts). */
  redisUrl: z
    .string()
    .superRefine((url, ctx) => {
      const problem = redisUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix; tests and parallel runs use their own. */
  queuePrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('shiplink'),
  /** `silent` writes nothing. */
  logLevel: z.enum(['silent', 'error', 'warn', 'info', 'http', 'debug']).default('info'),
  /** 32 bytes, base64: encrypts provider credentials and webhook secrets at rest. */
  encryptionKey: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
  port: z.coerce.number().int().min(0).max(65535),
  positiveInt: z.coerce.number().int().positive(),
  /** A count of days where 0 means "never" (keep forever). */
  days: z.coerce.number().int().min(0).max(36_500),
  boolean,
  secret: z.string().min(12, 'must be at least 12 characters'),
};
