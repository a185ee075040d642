import express, { type Router } from 'express';
import { languageOf } from './languages';
import { sendError } from './http';
import type { LookupDelays } from './lookup-delays';
import {
  DEFAULT_PICKUP_LIMIT,
  findPickupPoint,
  MAX_PICKUP_LIMIT,
  pickupPointInfoJson,
  pickupPointJson,
  searchPickupPoints,
} from './pickup-points';
import { param, signedRequestOf } from './signed-params';
import { SHIPPING_METHODS, shippingMethod, shippingMethodJson } from './shipping-methods';
import { logoUrl } from './static-assets';

const coordinate = (text: string | undefined) => {
  const value = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
};

const limitOf = (text: string | undefined) => {
  const value = Number.parseInt(text ?? '', 10);
  if (!Number.isFinite(value)) return DEFAULT_PICKUP_LIMIT;
  return Math.min(MAX_PICKUP_LIMIT, Math.max(1, value));
};

/**
 * `POST /shipping-methods/list` (`language`), `POST /shipping-methods/get`
 * (`shipping_method_code`, `language`), `POST /pickup-points/search` (`postcode`, `address` or
 * `street_address`, `query`, `country`, `service_provider`, `limit` or `max_results`) and
 * `POST /pickup-point/info` (`point_id`, `service_code` / `service_provider`). Signed already.
 */
export function lookupRoutes(delays: LookupDelays): Router {
  const router = express.Router();

  router.post('/shipping-methods/list', delays.middleware('shipping-methods'), (req, res) => {
    const language = languageOf(param(signedRequestOf(req), 'language'));
    const icon = logoUrl(req);
    res.json(SHIPPING_METHODS.map((method) => shippingMethodJson(method, language, icon)));
  });

  router.post('/shipping-methods/get', delays.middleware('shipping-methods'), (req, res) => {
    const signed = signedRequestOf(req);
    const code = param(signed, 'shipping_method_code');
    if (!code) return sendError(res, 400, 'missing_parameter', 'shipping_method_code is required');
    const method = shippingMethod(code);
    if (!method) return sendError(res, 404, 'not_found', `Unknown shipping method ${code}`);
    res.json(shippingMethodJson(method, languageOf(param(signed, 'language')), logoUrl(req)));
  });

  router.post('/pickup-points/search', delays.middleware('pickup-points'), (req, res) => {
    const signed = signedRequestOf(req);
    const points = searchPickupPoints({
      postcode: param(signed, 'postcode'),
      address: param(signed, 'address') ?? param(signed, 'street_address'),
      query: param(signed, 'query'),
      country: param(signed, 'country') ?? 'FI',
      providers: (param(signed, 'service_provider') ?? '')
        .split(',')
        .map((provider) => provider.trim())
        .filter(Boolean),
      limit: limitOf(param(signed, 'limit') ?? param(signed, 'max_results')),
      latitude: coordinate(param(signed, 'latitude')),
      longitude: coordinate(param(signed, 'longitude')),
    });
    const logo = logoUrl(req);
    res.json(points.map((point) => pickupPointJson(point, logo)));
  });

  router.post('/pickup-point/info', delays.middleware('pickup-points'), (req, res) => {
    const signed = signedRequestOf(req);
    const pointId = param(signed, 'point_id');
    if (!pointId) return sendError(res, 400, 'missing_parameter', 'point_id is required');
    const code = param(signed, 'service_code');
    const provider = param(signed, 'service_provider');
    if (!code && !provider) {
      return sendError(
        res,
        400,
        'missing_parameter',
        'service_code or service_provider is required',
      );
    }
    const posti = (code && shippingMethod(code)) || provider?.toLowerCase() === 'posti';
    const point = posti ? findPickupPoint(pointId) : undefined;
    if (!point) return sendError(res, 404, 'not_found', `No pickup point ${pointId}`);
    res.json(pickupPointInfoJson(point, logoUrl(req)));
  });

  return router;
}
