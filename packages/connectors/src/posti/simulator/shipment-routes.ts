import express, { type Router } from 'express';
import { sendError } from './http';
import { eventJson, type ParcelEventJson } from './parcel-events';
import { param, signedRequestOf } from './signed-params';
import { PHYSICAL_STATUS_CODES } from './status-codes';
import type { PostiSimState } from './state';

/** Pakettikauppa's published test tracking code, which answers canned events in every account. */
export const TEST_TRACKING_CODE = 'JJFITESTLABEL100';

const TEST_EVENTS: ParcelEventJson[] = [
  ['68', '2017-05-24 09:12:00', '2017-05-24 09:15:00', '0', '33100', 'TAMPERE'],
  ['13', '2017-05-24 15:40:00', '2017-05-24 15:41:00', '1.2', '33100', 'TAMPERE'],
  ['31', '2017-05-24 21:05:00', '2017-05-24 21:07:00', '1.2', '33470', 'YLÖJÄRVI'],
].map(([status, at, created, weight, postcode, office]) => ({
  message_created: created!,
  reference: '1495608720',
  tracking_code: TEST_TRACKING_CODE,
  measured_weight: weight!,
  measured_volume: '0',
  status_code: status!,
  receiver_name: '',
  event_timestamp: at!,
  postcode: postcode!,
  post_office: office!,
}));

/**
 * `POST /shipment/status` (`tracking_code`) → the parcel's events, oldest first (`[]` for a code
 * the account does not have), and `POST /shipment/cancel` (`shipment_id`, the create answer's
 * `response.reference@uuid`) → `{ success }`: true only for a shipment of the account that is
 * not cancelled yet and none of whose parcels Posti has handled (pre-information aside).
 */
export function shipmentRoutes(state: PostiSimState, now: () => number): Router {
  const router = express.Router();

  router.post('/shipment/status', (req, res) => {
    const signed = signedRequestOf(req);
    const code = param(signed, 'tracking_code');
    if (!code) return sendError(res, 400, 'missing_parameter', 'tracking_code is required');
    if (code === TEST_TRACKING_CODE) return void res.json(TEST_EVENTS);
    const found = state.parcel(code);
    if (!found || found.shipment.apiKey !== signed.account.apiKey) return void res.json([]);
    res.json(found.parcel.events.map((event) => eventJson(found.shipment, found.parcel, event)));
  });

  router.post('/shipment/cancel', (req, res) => {
    const signed = signedRequestOf(req);
    const id = param(signed, 'shipment_id');
    if (!id) return sendError(res, 400, 'missing_parameter', 'shipment_id is required');
    const shipment = state.shipment(id);
    const cancellable =
      shipment !== undefined &&
      shipment.apiKey === signed.account.apiKey &&
      shipment.cancelledAt === undefined &&
      !shipment.parcels.some((parcel) =>
        parcel.events.some((event) => PHYSICAL_STATUS_CODES.has(event.statusCode)),
      );
    if (cancellable) shipment.cancelledAt = now();
    res.json({ success: cancellable });
  });

  return router;
}
