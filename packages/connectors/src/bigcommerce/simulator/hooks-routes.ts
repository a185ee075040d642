import express, { type Request, type Response, type Router } from 'express';
import { clientOf, intParam, paging, storeOf, v3Error } from './http';
import { renderHook } from './render';
import type { BigCommerceSimState, SimHook } from './state';

/**
 * `/stores/{hash}/v3/hooks`: the `{data, meta}` envelope, hooks visible only to the API client
 * whose token created them, one hook per store + client + scope + destination, at most 10 per
 * scope. Real BigCommerce only delivers to HTTPS on port 443; with `strictDestinations` off
 * (the default) any http(s) URL is accepted so local receivers such as http://127.0.0.1 work.
 */

const MAX_PER_SCOPE = 10;

export interface HookRouteOptions {
  strictDestinations: boolean;
}

function destinationProblem(destination: unknown, strict: boolean): string | undefined {
  if (typeof destination !== 'string' || destination === '') return 'error.path.missing';
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return 'must be a URL';
  }
  if (strict && (url.protocol !== 'https:' || (url.port !== '' && url.port !== '443'))) {
    return 'must be served over HTTPS on port 443';
  }
  if (!strict && url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must be an http(s) URL';
  return undefined;
}

function validHeaders(value: unknown): value is Record<string, string> | null | undefined {
  if (value === undefined || value === null) return true;
  return (
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

export function hooksRoutes(state: BigCommerceSimState, options: HookRouteOptions): Router {
  const router = express.Router();
  const base = '/stores/:hash/v3/hooks';

  const visible = (res: Response): SimHook[] =>
    [...storeOf(res).hooks.values()].filter((hook) => hook.client_id === clientOf(res));

  const findHook = (req: Request, res: Response): SimHook | undefined => {
    const id = intParam(req.params.hookId);
    const hook = visible(res).find((candidate) => candidate.id === id);
    if (!hook) v3Error(res, 404, `Webhook with id [${String(req.params.hookId)}] not found`);
    return hook;
  };

  const conflict = (
    res: Response,
    hook: Pick<SimHook, 'scope' | 'destination'>,
    except?: number,
  ): string | undefined => {
    const same = visible(res).filter((other) => other.id !== except && other.scope === hook.scope);
    if (same.some((other) => other.destination === hook.destination)) {
      return 'A webhook with this scope and destination already exists.';
    }
    if (same.length >= MAX_PER_SCOPE) return `No more than ${MAX_PER_SCOPE} webhooks per scope.`;
    return undefined;
  };

  router.get(base, (req, res) => {
    const { page, limit } = paging(req);
    const isActive = req.query.is_active === undefined ? undefined : req.query.is_active === 'true';
    const hooks = visible(res).filter(
      (hook) =>
        (isActive === undefined || hook.is_active === isActive) &&
        (req.query.scope === undefined || hook.scope === req.query.scope) &&
        (req.query.destination === undefined || hook.destination === req.query.destination),
    );
    const data = hooks.slice((page - 1) * limit, page * limit).map(renderHook);
    res.json({
      data,
      meta: {
        pagination: {
          total: hooks.length,
          count: data.length,
          per_page: limit,
          current_page: page,
          total_pages: Math.max(1, Math.ceil(hooks.length / limit)),
          links: { current: `?page=${page}&limit=${limit}` },
        },
      },
    });
  });

  router.post(base, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const errors: Record<string, string> = {};
    if (typeof body.scope !== 'string' || body.scope === '') errors.scope = 'error.path.missing';
    const destinationError = destinationProblem(body.destination, options.strictDestinations);
    if (destinationError) errors.destination = destinationError;
    if (body.is_active !== undefined && typeof body.is_active !== 'boolean')
      errors.is_active = 'must be a boolean';
    if (!validHeaders(body.headers)) errors.headers = 'must be an object of strings';
    if (Object.keys(errors).length > 0)
      return v3Error(res, 422, 'JSON data is missing or invalid', errors);
    const scope = body.scope as string;
    const destination = body.destination as string;
    const problem = conflict(res, { scope, destination });
    if (problem) return v3Error(res, 422, problem);
    const now = state.nowSec();
    const store = storeOf(res);
    const hook: SimHook = {
      id: state.nextId('hook'),
      client_id: clientOf(res),
      store_hash: store.hash,
      scope,
      destination,
      is_active: (body.is_active as boolean | undefined) ?? true,
      headers: (body.headers as Record<string, string> | null | undefined) ?? null,
      created_at: now,
      updated_at: now,
    };
    store.hooks.set(hook.id, hook);
    res.json({ data: renderHook(hook), meta: {} });
  });

  router.get(`${base}/:hookId`, (req, res) => {
    const hook = findHook(req, res);
    if (hook) res.json({ data: renderHook(hook), meta: {} });
  });

  router.put(`${base}/:hookId`, (req, res) => {
    const hook = findHook(req, res);
    if (!hook) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const errors: Record<string, string> = {};
    if (body.scope !== undefined && (typeof body.scope !== 'string' || body.scope === ''))
      errors.scope = 'invalid';
    if (body.destination !== undefined) {
      const problem = destinationProblem(body.destination, options.strictDestinations);
      if (problem) errors.destination = problem;
    }
    if (body.is_active !== undefined && typeof body.is_active !== 'boolean')
      errors.is_active = 'must be a boolean';
    if (!validHeaders(body.headers)) errors.headers = 'must be an object of strings';
    if (Object.keys(body).length === 0) errors.body = 'at least one field is required';
    if (Object.keys(errors).length > 0)
      return v3Error(res, 422, 'JSON data is missing or invalid', errors);
    const next = {
      scope: (body.scope as string | undefined) ?? hook.scope,
      destination: (body.destination as string | undefined) ?? hook.destination,
    };
    const problem = conflict(res, next, hook.id);
    if (problem) return v3Error(res, 422, problem);
    Object.assign(hook, next, { updated_at: state.nowSec() });
    if (typeof body.is_active === 'boolean') hook.is_active = body.is_active;
    if (body.headers !== undefined)
      hook.headers = (body.headers as Record<string, string> | null) ?? null;
    res.json({ data: renderHook(hook), meta: {} });
  });

  router.delete(`${base}/:hookId`, (req, res) => {
    const hook = findHook(req, res);
    if (!hook) return;
    storeOf(res).hooks.delete(hook.id);
    res.json({ data: renderHook(hook), meta: {} });
  });

  return router;
}
