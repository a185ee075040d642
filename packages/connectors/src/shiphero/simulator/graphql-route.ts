/**
 * `POST /graphql`, ShipHero's single endpoint. What each kind of failure answers:
 * - no, unknown or expired `Authorization: Bearer` token → HTTP 401
 *   `{"errors":[{"message":"Invalid token","code":401}]}` ("Expired token" once it has expired);
 * - more than the request cap (7,000 per rolling 5 minutes per account) → HTTP 429
 *   `{"errors":[{"message":"Too many requests…","code":429}]}` with `Retry-After` in seconds;
 * - a body without a query string → HTTP 400 `{"errors":[{"message":"Must provide query string."}]}`;
 * - a syntax or validation error, or variables that do not coerce → HTTP 200 with graphql-js's own
 *   errors and no `data` (graphql-over-HTTP's behaviour for `application/json`):
 *   `{"errors":[{"message":"Cannot query field \"x\" on type \"Order\".","locations":[…]}]}`;
 * - an operation costing more than the bucket holds → HTTP 200, code 30 without `time_remaining`;
 * - not enough credits left → HTTP 200, ShipHero's code-30 error, every root field null;
 * - a resolver refusal (not found = code 6, bad input = code 3) → HTTP 200, that root field null,
 *   `{"errors":[{"message":"Order not found","operation":"order","field":"order","request_id":"…","code":6}],"data":{"order":null}}`.
 */
import express, { type Request, type Response, type Router } from 'express';
import {
  executeRootSelectionSet,
  GraphQLError,
  parse,
  validate,
  validateExecutionArgs,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { AllocationCache } from './allocation';
import type { RootFieldCost } from './complexity';
import { rootFieldCosts } from './complexity';
import type { RequestContext } from './context';
import type { CreditBuckets } from './credits';
import {
  httpErrorBody,
  notEnoughCreditsError,
  operationTooExpensiveError,
  ShipHeroApiError,
} from './errors';
import { freshRequestId } from './ids';
import { mutationRoot } from './mutations';
import { queryRoot } from './queries';
import type { RollingRequestCap } from './request-cap';
import { shipHeroSubsetSchema } from './schema';
import type { AccountData, ShipHeroSimState } from './state';
import type { TokenStore } from './tokens';
import type { ShipHeroWebhooks } from './webhooks';

export interface GraphQLRouteDeps {
  state: ShipHeroSimState;
  tokens: TokenStore;
  credits: CreditBuckets;
  requestCap: RollingRequestCap;
  webhooks: ShipHeroWebhooks;
}

function authenticate(
  deps: GraphQLRouteDeps,
  req: Request,
  res: Response,
): AccountData | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
  const check = token ? deps.tokens.check(token) : ({ ok: false, reason: 'unknown' } as const);
  const data = check.ok ? deps.state.account(check.accountId) : undefined;
  if (data) return data;
  const expired = !check.ok && check.reason === 'expired';
  res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
  res.status(401).json(httpErrorBody(expired ? 'Expired token' : 'Invalid token', 401));
  return undefined;
}

const nullRoots = (roots: RootFieldCost[]) =>
  Object.fromEntries(roots.map((root) => [root.responseKey, null]));

function formatErrors(errors: readonly GraphQLError[], ctx: RequestContext) {
  return errors.map((error) => {
    if (!(error.originalError instanceof ShipHeroApiError)) return error.toJSON();
    const root = ctx.roots.get(String(error.path?.[0] ?? ''));
    return {
      message: error.message,
      operation: root?.fieldName ?? null,
      field: root?.fieldName ?? null,
      request_id: ctx.requestId,
      code: error.originalError.code,
    };
  });
}

/** Charges the bucket, or answers the code-30 refusal and returns false. */
function charge(deps: GraphQLRouteDeps, ctx: RequestContext, res: Response): boolean {
  const roots = [...ctx.roots.values()];
  const required = roots.reduce((sum, root) => sum + root.charge, 0);
  const shortage = {
    operation: roots[0]?.fieldName ?? '',
    requestId: ctx.requestId,
    required,
  };
  const { capacity } = deps.credits.settings;
  const remaining = deps.credits.remaining(ctx.data.account.id);
  if (required > capacity) {
    const error = operationTooExpensiveError({ ...shortage, remaining }, capacity);
    res.json({ errors: [error], data: nullRoots(roots) });
    return false;
  }
  const outcome = deps.credits.charge(ctx.data.account.id, required);
  if (outcome.ok) return true;
  const error = notEnoughCreditsError({ ...shortage, ...outcome });
  res.json({ errors: [error], data: nullRoots(roots) });
  return false;
}

export function graphqlRoute(deps: GraphQLRouteDeps): Router {
  const router = express.Router();
  const schema = shipHeroSubsetSchema();

  router.post('/graphql', async (req: Request, res: Response) => {
    const data = authenticate(deps, req, res);
    if (!data) return;
    const allowed = deps.requestCap.take(data.account.id);
    if (!allowed.allowed) {
      const { limit, windowMs } = deps.requestCap.settings;
      res.setHeader('Retry-After', String(Math.ceil(allowed.retryAfterMs / 1_000)));
      const message = `Too many requests: at most ${limit} requests per ${windowMs / 1_000} seconds`;
      return void res.status(429).json(httpErrorBody(message, 429));
    }
    const body = (req.body ?? {}) as {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
    };
    if (typeof body.query !== 'string' || body.query.trim() === '') {
      return void res.status(400).json({ errors: [{ message: 'Must provide query string.' }] });
    }
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return void res.json({ errors: [error.toJSON()] });
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return void res.json({ errors: invalid.map((e) => e.toJSON()) });

    const ctx: RequestContext = {
      state: deps.state,
      data,
      webhooks: deps.webhooks,
      requestId: freshRequestId(),
      roots: new Map(),
      allocations: new AllocationCache(data),
    };
    const validated = validateExecutionArgs({
      schema,
      document,
      contextValue: ctx,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    });
    if (!('operation' in validated)) {
      return void res.json({ errors: validated.map((e) => e.toJSON()) });
    }
    for (const root of rootFieldCosts(validated)) ctx.roots.set(root.responseKey, root);
    if (!charge(deps, ctx, res)) return;
    const rootValue = validated.operation.operation === 'mutation' ? mutationRoot : queryRoot;
    const result: ExecutionResult = await executeRootSelectionSet({ ...validated, rootValue });
    res.json({
      ...(result.errors ? { errors: formatErrors(result.errors, ctx) } : {}),
      data: result.data ?? null,
    });
  });
  return router;
}
