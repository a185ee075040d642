/**
 * Control routes that move parcels along and read the callbacks they set off:
 *
 * - `GET /parcels/:trackingCode` → `{ trackingCode, shipment: uuid, reference, events }`.
 * - `POST /parcels/:trackingCode/events` `{ status_code, post_office?, postcode?,
 *   receiver_name?, event_timestamp? (ISO 8601) }` → 201 `{ event, callbackId }`: one event,
 *   recorded for `/shipment/status` and, when the shipment has service 9901, called back.
 * - `POST /parcels/:trackingCode/run` `{ journey?: 'home' | 'pickup_point', until?, stepDelayMs? }`
 *   → 201 `{ trackingCode, journey, events, callbackIds, scheduled }`: the realistic journey
 *   (68 → 13 → 31 → 48 → 71 → 22 home, 68 → 13 → 31 → 91 → 22 to a pickup point; + 38 for COD),
 *   steps the parcel already has skipped. The default journey follows the shipment.
 * - `POST /shipments/:reference/run` (same body) → 201 the run of every parcel of the shipment.
 * - `GET /callbacks?trackingCode=&apiKey=` → every callback with every attempt (`history`).
 * - `GET /callbacks/idle?wait=ms` → `{ idle }`, once nothing is queued, in flight or waiting for a
 *   retry (or `wait` passed).
 * - `POST /callbacks/redeliver/:id` → 202 the new delivery: the same bytes sent again.
 * - `GET|POST /callbacks/settings` `{ retryDelaysMs?, timeoutMs?, lost? }` → the retry settings
 *   (`lost`: callbacks are recorded but never sent, for the status poll to find).
 *
 * Events for a cancelled shipment are refused with 409.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { parseControlBody } from '../../simulator-kit/simulator';
import type { PostiCallbacks } from './callbacks';
import { defaultJourney, type ParcelEvents, type RecordedEvent } from './parcel-events';
import { JOURNEYS, STATUS_CODE_VALUES, type JourneyName } from './status-codes';
import type { ParcelOf, PostiSimState } from './state';
import { shipmentView } from './views';

/** What the tracking control routes work with. */
export interface TrackingControlDeps {
  state: PostiSimState;
  events: ParcelEvents;
  callbacks: PostiCallbacks;
}

const StatusCodeSchema = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.enum(STATUS_CODE_VALUES));

const EventSchema = z.object({
  status_code: StatusCodeSchema,
  post_office: z.string().min(1).optional(),
  postcode: z.string().min(1).optional(),
  receiver_name: z.string().optional(),
  event_timestamp: z.iso.datetime({ offset: true }).optional(),
});

const RunSchema = z.object({
  journey: z.enum(Object.keys(JOURNEYS) as [JourneyName, ...JourneyName[]]).optional(),
  until: StatusCodeSchema.optional(),
  stepDelayMs: z.number().int().nonnegative().max(600_000).optional(),
});

const CallbackSettingsSchema = z.object({
  retryDelaysMs: z.array(z.number().int().nonnegative().max(3_600_000)).max(50).optional(),
  timeoutMs: z.number().int().positive().max(120_000).optional(),
  lost: z.boolean().optional(),
});

/** The parcel named by `:trackingCode`, or undefined once a 404 / 409 was sent. */
function movableParcel(state: PostiSimState, req: Request, res: Response): ParcelOf | undefined {
  const found = state.parcel(String(req.params.trackingCode));
  if (!found) {
    res.status(404).json({ error: 'no such parcel' });
    return undefined;
  }
  if (found.shipment.cancelledAt !== undefined) {
    res.status(409).json({ error: 'the shipment is cancelled' });
    return undefined;
  }
  return found;
}

const runJson = (of: ParcelOf, journey: JourneyName, run: ReturnType<ParcelEvents['run']>) => ({
  trackingCode: of.parcel.trackingCode,
  journey,
  events: run.recorded.map(({ event }) => event),
  callbackIds: run.recorded.flatMap(({ callback }: RecordedEvent) =>
    callback ? [callback.id] : [],
  ),
  scheduled: run.scheduled,
});

/** The parcel and callback control routes. */
export function controlTracking(deps: TrackingControlDeps): Router {
  const { state, events, callbacks } = deps;
  const control = express.Router();

  control.get('/parcels/:trackingCode', (req, res) => {
    const found = state.parcel(String(req.params.trackingCode));
    if (!found) return void res.status(404).json({ error: 'no such parcel' });
    const view = shipmentView(found.shipment);
    res.json({
      trackingCode: found.parcel.trackingCode,
      shipment: found.shipment.uuid,
      reference: found.shipment.reference,
      events: view.parcels.find((parcel) => parcel.uuid === found.parcel.uuid)?.events ?? [],
    });
  });

  control.post('/parcels/:trackingCode/events', (req, res) => {
    const found = movableParcel(state, req, res);
    const body = found && parseControlBody(EventSchema, req, res);
    if (!found || !body) return;
    const recorded = events.record(found, {
      statusCode: body.status_code,
      postOffice: body.post_office,
      postcode: body.postcode,
      receiverName: body.receiver_name,
      eventAt: body.event_timestamp ? Date.parse(body.event_timestamp) : undefined,
    });
    res.status(201).json({ event: recorded.event, callbackId: recorded.callback?.id ?? null });
  });

  control.post('/parcels/:trackingCode/run', (req, res) => {
    const found = movableParcel(state, req, res);
    const body = found && parseControlBody(RunSchema, req, res);
    if (!found || !body) return;
    const journey = body.journey ?? defaultJourney(found.shipment);
    res.status(201).json(runJson(found, journey, events.run(found, journey, body)));
  });

  control.post('/shipments/:reference/run', (req, res) => {
    const shipment = state.findShipment(String(req.params.reference));
    if (!shipment) return void res.status(404).json({ error: 'no such shipment' });
    if (shipment.cancelledAt !== undefined) {
      return void res.status(409).json({ error: 'the shipment is cancelled' });
    }
    const body = parseControlBody(RunSchema, req, res);
    if (!body) return;
    const journey = body.journey ?? defaultJourney(shipment);
    res.status(201).json(
      shipment.parcels.map((parcel) => {
        const of = { shipment, parcel };
        return runJson(of, journey, events.run(of, journey, body));
      }),
    );
  });

  control.get('/callbacks', (req, res) => {
    const filter = (name: string) =>
      typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
    res.json(callbacks.list({ trackingCode: filter('trackingCode'), apiKey: filter('apiKey') }));
  });

  control.get('/callbacks/idle', async (req, res) => {
    const deadline = Date.now() + Math.min(Number(req.query.wait) || 0, 30_000);
    while (!(callbacks.idle() && events.idle()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    res.json({ idle: callbacks.idle() && events.idle() });
  });

  control.post('/callbacks/redeliver/:id', (req, res) => {
    const delivery = callbacks.redeliver(String(req.params.id));
    if (!delivery) return void res.status(404).json({ error: 'no such callback' });
    res.status(202).json(delivery);
  });

  control.get('/callbacks/settings', (_req, res) => void res.json(callbacks.settings));
  control.post('/callbacks/settings', (req, res) => {
    const body = parseControlBody(CallbackSettingsSchema, req, res);
    if (!body) return;
    callbacks.settings = { ...callbacks.settings, ...body };
    res.json(callbacks.settings);
  });

  return control;
}
