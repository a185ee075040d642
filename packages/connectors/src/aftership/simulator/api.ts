import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { AFTERSHIP_API_BASE_PATH, AFTERSHIP_API_VERSION } from '../profile';
import { AfterShipCreateTrackingBodySchema, AfterShipUpdateTrackingBodySchema } from '../schemas';
import { courierBySlug, courierJson, detectCouriers, SIM_COURIERS } from './couriers';
import { NOWHERE } from './journeys';
import { listTrackings } from './list';
import { sendData, sendError, type EndpointQuotas } from './responses';
import type { AfterShipSimState, AfterShipSimRecord } from './state';
import type { AfterShipWebhooks } from './webhooks';

export interface ApiDeps {
  state: AfterShipSimState;
  quotas: EndpointQuotas;
  webhooks: AfterShipWebhooks;
  apiKeys: Set<string>;
  now: () => number;
}

const NUMBER = /^[A-Za-z0-9-]{4,60}$/;
const ID = /^[0-9a-f]{24,32}$/;

function firstIssue(error: { issues: { path: PropertyKey[] }[] }): string {
  const path = error.issues[0]?.path.map(String).join('.') ?? 'body';
  return `The value of \`${path}\` is invalid.`;
}

/** The AfterShip Tracking API at `/tracking/2025-01`; other versions are refused. */
export function afterShipApi(deps: ApiDeps): Router {
  const { state, quotas } = deps;
  // Routes carry their full paths and nothing is mounted under a prefix: a mounted router
  // rewrites `req.path`, which the kit's request log would then record without the prefix.
  const router = express.Router();
  const P = AFTERSHIP_API_BASE_PATH;

  router.use((req: Request, res: Response, next: NextFunction) => {
    const versioned = /^\/tracking\/([^/]+)(?:\/|$)/.exec(req.path);
    if (!versioned) return sendError(res, 404, 404, 'The URI requested is invalid.');
    res.setHeader('as-api-version', AFTERSHIP_API_VERSION);
    if (versioned[1] !== AFTERSHIP_API_VERSION) {
      const message = `API version ${versioned[1]} is not available here; use ${AFTERSHIP_API_VERSION}.`;
      return sendError(res, 404, 404, message);
    }
    const key = req.header('as-api-key');
    // The legacy `aftership-api-key` header is not accepted on versioned URLs.
    if (!key || !deps.apiKeys.has(key)) return sendError(res, 401, 401, 'Invalid API Key.');
    res.locals.apiKey = key;
    next();
  });

  const withTracking =
    (handler: (record: AfterShipSimRecord, req: Request, res: Response) => void) =>
    (req: Request, res: Response): void => {
      const id = String(req.params.id);
      if (!ID.test(id)) return sendError(res, 400, 4015);
      const record = state.get(id);
      if (!record) return sendError(res, 404, 4004);
      handler(record, req, res);
    };

  router.post(`${P}/trackings`, quotas.middleware('POST /trackings'), (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendError(res, 400, 4006);
    }
    // A 2024-04-style `{ tracking: {…} }` body lands here: the number is missing at the top.
    if (!('tracking_number' in body) || !body.tracking_number) return sendError(res, 400, 4007);
    const parsed = AfterShipCreateTrackingBodySchema.safeParse(body);
    if (!parsed.success) return sendError(res, 400, 4008, firstIssue(parsed.error));
    const input = parsed.data;
    if (!NUMBER.test(input.tracking_number)) return sendError(res, 400, 4005);
    let slug = input.slug;
    if (slug !== undefined && !courierBySlug(slug)) return sendError(res, 400, 4010);
    slug ??= detectCouriers(input.tracking_number)[0]?.slug;
    if (!slug) return sendError(res, 400, 4012);
    if (state.find(slug, input.tracking_number))
      return sendError(res, 400, 4003, 'Tracking already exists.');
    sendData(res, 201, state.create(input, slug).tracking);
  });

  router.get(`${P}/trackings`, quotas.middleware('GET /trackings'), (req, res) => {
    const result = listTrackings(state.list(), req.query, deps.now());
    if ('error' in result) return sendError(res, 400, 400, result.error);
    sendData(res, 200, result);
  });

  router.get(
    `${P}/trackings/:id`,
    quotas.middleware('GET /trackings/{id}'),
    withTracking((record, _req, res) => sendData(res, 200, record.tracking)),
  );

  router.put(
    `${P}/trackings/:id`,
    quotas.middleware('PUT /trackings/{id}'),
    withTracking((record, req, res) => {
      const parsed = AfterShipUpdateTrackingBodySchema.safeParse(req.body ?? {});
      if (!parsed.success) return sendError(res, 400, 4008, firstIssue(parsed.error));
      Object.assign(record.tracking, parsed.data);
      state.touch(record);
      sendData(res, 200, record.tracking);
    }),
  );

  router.delete(
    `${P}/trackings/:id`,
    quotas.middleware('DELETE /trackings/{id}'),
    withTracking((record, _req, res) => {
      state.remove(record.tracking.id);
      sendData(res, 200, record.tracking);
    }),
  );

  router.post(
    `${P}/trackings/:id/retrack`,
    quotas.middleware('POST /trackings/{id}/retrack'),
    withTracking((record, _req, res) => {
      if (record.tracking.active !== false || record.tracking.tag !== 'Expired') {
        return sendError(res, 400, 4013);
      }
      record.tracking.active = true;
      state.touch(record);
      sendData(res, 200, record.tracking);
    }),
  );

  const COMPLETIONS: Record<string, string> = {
    DELIVERED: 'Delivered_001',
    LOST: 'Exception_013',
    RETURNED_TO_SENDER: 'Exception_011',
  };
  router.post(
    `${P}/trackings/:id/mark-as-completed`,
    quotas.middleware('POST /trackings/{id}/mark-as-completed'),
    withTracking((record, req, res) => {
      const reason: unknown = (req.body as { reason?: unknown } | undefined)?.reason;
      const subtag = typeof reason === 'string' ? COMPLETIONS[reason] : undefined;
      if (!subtag) return sendError(res, 400, 4008, 'The value of `reason` is invalid.');
      const outcome = state.apply(record, {
        subtag,
        message: 'Marked as completed',
        place: NOWHERE,
        noCheckpoint: true,
      });
      record.tracking.active = false;
      deps.webhooks.emit(record.tracking, outcome.firstTag);
      sendData(res, 200, record.tracking);
    }),
  );

  router.post(`${P}/couriers/detect`, quotas.middleware('POST /couriers/detect'), (req, res) => {
    const number: unknown = (req.body as { tracking_number?: unknown } | undefined)
      ?.tracking_number;
    if (typeof number !== 'string' || number === '') return sendError(res, 400, 4007);
    const couriers = detectCouriers(number).map(courierJson);
    sendData(res, 200, { total: couriers.length, couriers });
  });

  router.get(`${P}/couriers`, quotas.middleware('GET /couriers'), (_req, res) => {
    sendData(res, 200, { total: SIM_COURIERS.length, couriers: SIM_COURIERS.map(courierJson) });
  });

  router.use((_req: Request, res: Response) =>
    sendError(res, 404, 404, 'The URI requested is invalid.'),
  );
  return router;
}
