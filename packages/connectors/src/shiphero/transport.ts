import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { digest } from '@shiplink/domain';
import { PermanentError, RateLimitedError } from '@shiplink/errors';
import type { HttpClient } from '../http/client';
import type { RateLimiter } from '../http/rate-limiter';
import { analyzeVariant } from './analyze';
import type { ShipHeroTokens } from './auth';
import { DOCUMENTS } from './documents';
import {
  classifyGraphqlErrors,
  creditShortageOf,
  GraphqlErrorSchema,
  isNotFound,
  type GraphqlError,
} from './graphql-errors';
import { SHIPHERO_CREDITS, SHIPHERO_PROVIDER, UNKNOWN_OPERATION_COST } from './profile';

export type Operation = keyof typeof DOCUMENTS;

const EnvelopeSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(GraphqlErrorSchema).max(100).optional(),
});

/** What every root field answers beside its payload. */
const RootSchema = z
  .object({ request_id: z.string().nullish(), complexity: z.number().nullish() })
  .loose();

const ANALYZE_DOCUMENTS = Object.fromEntries(
  Object.entries(DOCUMENTS).map(([name, document]) => [name, analyzeVariant(document)]),
) as Record<Operation, string | undefined>;

/** What pricing an operation with `analyze: true` is charged. */
const ANALYZE_COST = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ShipHeroTransportOptions {
  http: HttpClient;
  tokens: ShipHeroTokens;
  limiter: RateLimiter | undefined;
  /** The ShipHero account's bucket key: every connection to one account shares its credits. */
  accountKey: string;
  maxInlineWaitMs: number;
}

export interface Answer<T> {
  /** The root field's answer (the `…QueryResult` or mutation output). */
  root: T;
  complexity: number;
  requestId: string | undefined;
}

/**
 * One GraphQL operation at a time, the way ShipHero meters them: priced, charged to the
 * account's shared credit bucket, sent with a fresh token, settled with the complexity ShipHero
 * reports, and its `errors[]` classified once.
 */
export class ShipHeroTransport {
  private readonly bucket: string;

  constructor(private readonly options: ShipHeroTransportOptions) {
    this.bucket = `${SHIPHERO_PROVIDER}:${digest(options.accountKey)}`;
  }

  /**
   * Runs `operation` and answers its single root field parsed by `schema`; `undefined` when
   * `missing` is 'undefined' and ShipHero says the entity does not exist.
   */
  async run<T>(
    operation: Operation,
    variables: Record<string, unknown>,
    schema: z.ZodType<T>,
    missing: 'throw' | 'undefined' = 'throw',
  ): Promise<Answer<T> | undefined> {
    const cost = await this.price(operation, variables);
    await this.charge(operation, cost);
    const body = await this.send(operation, DOCUMENTS[operation], variables);
    const answered = this.complexityOf(body);
    if (body.errors?.length) {
      await this.settleErrors(operation, cost, answered, body.errors);
      if (missing === 'undefined' && isNotFound(body.errors)) return undefined;
      throw classifyGraphqlErrors(operation, body.errors);
    }
    await this.settle(operation, cost, answered);
    const [field, value] = Object.entries(body.data ?? {})[0] ?? [];
    const parsed = schema.safeParse(value);
    if (!field || !parsed.success) {
      throw new PermanentError(`shiphero ${operation} answered an unexpected shape`, {
        provider: SHIPHERO_PROVIDER,
        endpoint: `POST /graphql ${operation}`,
        reason: `${SHIPHERO_PROVIDER}.unexpected_response`,
      });
    }
    const requestId = RootSchema.safeParse(value).data?.request_id ?? undefined;
    return { root: parsed.data, complexity: answered ?? cost, requestId };
  }

  /** The cost last seen, else ShipHero's own estimate (`analyze: true`), else a default. */
  private async price(operation: Operation, variables: Record<string, unknown>): Promise<number> {
    const credits = this.options.limiter?.credits;
    const known = await credits?.knownCost(this.bucket, operation);
    if (known !== undefined) return known;
    const analyze = ANALYZE_DOCUMENTS[operation];
    if (!analyze || !credits) return UNKNOWN_OPERATION_COST;
    await this.charge(operation, ANALYZE_COST);
    const estimated = this.complexityOf(await this.send(operation, analyze, variables));
    return estimated ?? UNKNOWN_OPERATION_COST;
  }

  /** Waits in-process for short shortfalls; a longer one delays the job (no attempt spent). */
  private async charge(operation: string, cost: number): Promise<void> {
    const credits = this.options.limiter?.credits;
    if (!credits) return;
    let waited = 0;
    for (;;) {
      const waitMs = await credits.take(this.bucket, cost, SHIPHERO_CREDITS, randomUUID());
      if (waitMs === 0) return;
      if (waited + waitMs > this.options.maxInlineWaitMs) {
        throw new RateLimitedError(`shiphero credits exhausted for ${operation}`, waitMs, {
          provider: SHIPHERO_PROVIDER,
          endpoint: `POST /graphql ${operation}`,
          reason: `${SHIPHERO_PROVIDER}.credits_exhausted`,
        });
      }
      waited += waitMs;
      await sleep(waitMs + Math.floor(Math.random() * 25));
    }
  }

  private async settle(operation: Operation, charged: number, answered: number | undefined) {
    const credits = this.options.limiter?.credits;
    if (!credits || answered === undefined) return;
    await credits.settle(this.bucket, charged, answered, SHIPHERO_CREDITS);
    await credits.rememberCost(this.bucket, operation, answered);
  }

  /** A refused operation ran nothing: its charge comes back, or the provider's count wins. */
  private async settleErrors(
    operation: string,
    charged: number,
    answered: number | undefined,
    errors: readonly GraphqlError[],
  ) {
    const credits = this.options.limiter?.credits;
    if (!credits) return;
    const shortage = creditShortageOf(errors);
    if (shortage) {
      await credits.shortage(this.bucket, shortage.remaining, shortage.waitMs, SHIPHERO_CREDITS);
      if (shortage.required !== undefined) {
        await credits.rememberCost(this.bucket, operation, shortage.required);
      }
      return;
    }
    await credits.settle(this.bucket, charged, answered ?? 0, SHIPHERO_CREDITS);
  }

  private complexityOf(body: z.infer<typeof EnvelopeSchema>): number | undefined {
    let total: number | undefined;
    for (const value of Object.values(body.data ?? {})) {
      const complexity = RootSchema.safeParse(value).data?.complexity;
      if (typeof complexity === 'number') total = (total ?? 0) + complexity;
    }
    return total;
  }

  /** POST /graphql with the current token; one refresh and resend on a 401. */
  private async send(operation: Operation, query: string, variables: Record<string, unknown>) {
    const { http, tokens } = this.options;
    let token = await tokens.accessToken();
    for (let attempt = 1; ; attempt++) {
      const answer = await http.request({
        method: 'POST',
        path: '/graphql',
        endpoint: `POST /graphql ${operation}`,
        body: { query, variables, operationName: operation },
        headers: { Authorization: `Bearer ${token}` },
        schema: EnvelopeSchema,
        allowStatus: attempt === 1 ? [401] : [],
        // Queries are safe to repeat in-process; a mutation is retried by its job, which looks
        // the order up again before creating anything.
        idempotent: /^\s*query\b/.test(query),
      });
      if (answer.status === 401) {
        token = await tokens.refresh(token);
        continue;
      }
      return answer.data ?? {};
    }
  }
}
