/**
 * AfterShip simulator control routes, mounted under `/__control` next to the kit's shared ones
 * (`GET /health`, `POST|GET|DELETE /faults`, `GET|DELETE /requests`, `GET /webhooks` — every
 * delivery attempt record —, `POST /reset`).
 *
 * Webhook URLs (AfterShip configures them in its admin, not through its API):
 * - `POST   /webhook-endpoints` `{ url, secret, version? }` → 201 `[{ url, version }]`. Replaces
 *   an endpoint with the same URL. `version` can only be `2025-01`.
 * - `GET    /webhook-endpoints` → `[{ url, version }]` (secrets are not echoed).
 * - `DELETE /webhook-endpoints` → 204.
 * - `GET    /events` → every `tracking_update` emitted: `[{ eventId, trackingId, tag, subtag }]`.
 * - `POST   /webhooks/redeliver/:eventId` → 202 `{ eventId }`; re-sends the exact same bytes
 *   (same `event_id`, same signature) to every current endpoint. 404 for an unknown event.
 *
 * Journeys (what the carrier does to a tracking, one step per call):
 * - `GET    /journeys` → `{ name: [{ subtag, message, stop, …quirks }] }`.
 * - `POST   /journeys/next` `{ journey }` → 204; queues the journey for the next created
 *   tracking (FIFO, one per create). A create's `custom_fields.journey` wins over the queue;
 *   without either a tracking follows `delivered`.
 * - `POST   /trackings/:id/advance` → 200 `{ tracking, step, eventId }`, or 409 when the journey
 *   is over. Each step posts one signed `tracking_update` carrying the whole tracking.
 * - `POST   /trackings/:id/run` → 200 `{ tracking, eventIds }`; every remaining step in order.
 * - `POST   /trackings/:id/scan` `{ subtag, tag?, subtag_message?, message?, checkpoint_time?,
 *   city?, state?, zip?, country_region?, raw_tag? }` → 200 `{ tracking, eventId }`; a custom
 *   checkpoint (any subtag, mapped or not; an explicit `checkpoint_time` is used verbatim).
 *
 * Trackings and accounts:
 * - `GET    /trackings` → every tracking with its journey and position.
 * - `POST   /trackings` `{ …create body, slug, created_at?, journey? }` → 201 tracking; seeds a
 *   tracking without the API (no auth, no rate limit); `created_at` may lie in the past to test
 *   AfterShip's 120-day default list window.
 * - `POST   /api-keys` `{ key }` → 204; accepts another `as-api-key`.
 * - `GET|POST /rate-limits` `{ "<METHOD /path>": limit | null }` → the overrides; per-endpoint
 *   requests per second (null restores the published limit).
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { AfterShipCreateTrackingBodySchema } from '../schemas';
import { courierBySlug } from './couriers';
import { isJourneyName, JOURNEYS, AFTERSHIP_JOURNEY_NAMES, NOWHERE } from './journeys';
import type { EndpointQuotas } from './responses';
import type { AfterShipSimState, ScanOutcome, AfterShipSimRecord } from './state';
import { WebhookEndpointSchema, type AfterShipWebhooks } from './webhooks';

export interface ControlDeps {
  state: AfterShipSimState;
  webhooks: AfterShipWebhooks;
  quotas: EndpointQuotas;
  apiKeys: Set<string>;
}

const ScanSchema = z.object({
  subtag: z.string().min(1),
  tag: z.string().optional(),
  subtag_message: z.string().optional(),
  message: z.string().optional(),
  checkpoint_time: z.string().optional(),
  city: z.string().optional(),
  state: z.string().nullable().optional(),
  zip: z.string().optional(),
  country_region: z.string().optional(),
  raw_tag: z.string().optional(),
});

const SeedSchema = AfterShipCreateTrackingBodySchema.extend({
  slug: z.string(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  journey: z.string().optional(),
});

const bad = (res: Response, message: string, issues?: unknown) =>
  res.status(400).json({ error: message, ...(issues ? { issues } : {}) });

export function afterShipControl(deps: ControlDeps): Router {
  const { state, webhooks } = deps;
  const control = express.Router();

  const emit = (outcome: ScanOutcome) =>
    webhooks.emit(outcome.record.tracking, outcome.firstTag).eventId;
  const tracking = (req: Request, res: Response): AfterShipSimRecord | undefined => {
    const record = state.get(String(req.params.id));
    if (!record) res.status(404).json({ error: 'no such tracking' });
    return record;
  };

  control.post('/webhook-endpoints', (req, res) => {
    const parsed = WebhookEndpointSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, 'invalid webhook endpoint', parsed.error.issues);
    webhooks.addEndpoint(parsed.data);
    res.status(201).json(webhooks.listEndpoints());
  });
  control.get('/webhook-endpoints', (_req, res) => {
    res.json(webhooks.listEndpoints());
  });
  control.delete('/webhook-endpoints', (_req, res) => {
    webhooks.clearEndpoints();
    res.status(204).end();
  });
  control.get('/events', (_req, res) => {
    res.json(webhooks.listEvents());
  });
  control.post('/webhooks/redeliver/:eventId', (req, res) => {
    const event = webhooks.redeliver(String(req.params.eventId));
    if (!event) return void res.status(404).json({ error: 'no such event' });
    res.status(202).json({ eventId: event.eventId });
  });

  control.get('/journeys', (_req, res) => {
    res.json(JOURNEYS);
  });
  control.post('/journeys/next', (req, res) => {
    const journey: unknown = (req.body as { journey?: unknown } | undefined)?.journey;
    if (!isJourneyName(journey))
      return bad(res, `journey must be one of ${AFTERSHIP_JOURNEY_NAMES.join(', ')}`);
    state.queueJourney(journey);
    res.status(204).end();
  });

  control.post('/trackings/:id/advance', (req, res) => {
    const record = tracking(req, res);
    if (!record) return;
    const step = state.nextStep(record);
    const outcome = state.advance(record);
    if (!outcome || !step) return void res.status(409).json({ error: 'journey is over' });
    res.json({ tracking: record.tracking, step, eventId: emit(outcome) });
  });
  control.post('/trackings/:id/run', (req, res) => {
    const record = tracking(req, res);
    if (!record) return;
    const eventIds: string[] = [];
    for (let outcome = state.advance(record); outcome; outcome = state.advance(record)) {
      eventIds.push(emit(outcome));
    }
    res.json({ tracking: record.tracking, eventIds });
  });
  control.post('/trackings/:id/scan', (req, res) => {
    const record = tracking(req, res);
    if (!record) return;
    const parsed = ScanSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, 'invalid scan', parsed.error.issues);
    const { city, state: region, zip, country_region, message, ...scan } = parsed.data;
    const outcome = state.apply(record, {
      ...scan,
      message: message ?? scan.subtag,
      place: {
        ...NOWHERE,
        city: city ?? '',
        state: region ?? null,
        zip: zip ?? '',
        country_region: country_region ?? '',
      },
    });
    res.json({ tracking: record.tracking, eventId: emit(outcome) });
  });

  control.get('/trackings', (_req, res) => {
    res.json(
      state.list().map((r) => ({ journey: r.journey, position: r.position, tracking: r.tracking })),
    );
  });
  control.post('/trackings', (req, res) => {
    const parsed = SeedSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, 'invalid tracking', parsed.error.issues);
    const { slug, created_at, journey, ...body } = parsed.data;
    if (!courierBySlug(slug)) return bad(res, `unknown slug ${slug}`);
    if (state.find(slug, body.tracking_number)) return bad(res, 'tracking already exists');
    const chosen = journey === undefined || isJourneyName(journey) ? journey : null;
    if (chosen === null) return bad(res, `unknown journey ${String(journey)}`);
    const record = state.create(body, slug, {
      ...(created_at === undefined ? {} : { createdAt: Date.parse(created_at) }),
      ...(chosen === undefined ? {} : { journey: chosen }),
    });
    res.status(201).json(record.tracking);
  });

  control.post('/api-keys', (req, res) => {
    const key: unknown = (req.body as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string' || key === '') return bad(res, 'key required');
    deps.apiKeys.add(key);
    res.status(204).end();
  });
  control.get('/rate-limits', (_req, res) => {
    res.json(deps.quotas.limits());
  });
  control.post('/rate-limits', (req, res) => {
    const parsed = z.record(z.string(), z.number().int().positive().nullable()).safeParse(req.body);
    if (!parsed.success) return bad(res, 'expected { "<METHOD /path>": limit | null }');
    for (const [endpoint, limit] of Object.entries(parsed.data)) {
      deps.quotas.setLimit(endpoint, limit ?? undefined);
    }
    res.json(deps.quotas.limits());
  });

  return control;
}
