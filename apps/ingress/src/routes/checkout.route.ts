import express, { Router } from 'express';
import { isUuid } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import type { CheckoutRatesService } from '../services/checkout-rates.service';

/** Rate requests are small; BigCommerce's carts are well under this. */
const MAX_RATE_REQUEST_BYTES = 256 * 1024;

const storeIdOf = (value: unknown): string => {
  const id = String(value);
  if (!isUuid(id)) throw new HttpProblem(404, 'unknown_store', 'no such store');
  return id;
};

const keyHeader = (value: string | string[] | undefined) =>
  typeof value === 'string' ? value : undefined;

/**
 * BigCommerce's Shipping Provider callbacks, one pair per store, apart from the webhooks and the
 * admin API: `POST /checkout/:storeId/rate` and `POST /checkout/:storeId/check_connection_options`.
 * The store's shipping-carrier connection sends the store's checkout key as the connection option
 * `key` (or the header `x-shiplink-checkout-key`).
 */
export function checkoutRates(service: CheckoutRatesService): Router {
  const router = Router();
  const json = express.json({ limit: MAX_RATE_REQUEST_BYTES });
  router.post(
    '/checkout/:storeId/rate',
    json,
    route(async (req, res) => {
      const answer = await service.rate(
        storeIdOf(req.params.storeId),
        req.body,
        keyHeader(req.headers['x-shiplink-checkout-key']),
      );
      res.json(answer);
    }),
  );
  router.post(
    '/checkout/:storeId/check_connection_options',
    json,
    route(async (req, res) => {
      res.json(
        await service.checkConnection(
          storeIdOf(req.params.storeId),
          req.body,
          keyHeader(req.headers['x-shiplink-checkout-key']),
        ),
      );
    }),
  );
  return router;
}
