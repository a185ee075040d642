/*
 * The storefront checkout of the BigCommerce simulator, calling a registered shipping carrier
 * (Shipping Provider API) as BigCommerce does: a rate request per cart and address, with a
 * timeout, quotes cached for the ttl the carrier answers. Control routes (under /__control):
 *
 *   PUT  /__control/stores/:hash/shipping-carrier   {code, displayName, rateUrl,
 *        checkConnectionUrl?, connectionOptions?, zoneOptions?, timeoutMs?, origin?}
 *        registers the carrier app and the store's connection to it → 200 the carrier
 *   POST /__control/stores/:hash/shipping-carrier/check   → the carrier's check answer, or
 *        `{valid: false}` with why when it could not be reached
 *   POST /__control/stores/:hash/checkout/quote     {destination, items, currency?, fresh?}
 *        → {status, elapsedMs, cached, error?, messages, quotes}: what checkout shows
 *        (nothing from the carrier when it failed or was too slow)
 */
import { createHash, randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { BigCommerceSimState } from './state';

/** BigCommerce gives a carrier this long to quote before checkout goes on without it. */
export const CARRIER_TIMEOUT_MS = 5_000;

const AddressSchema = z.object({
  street_1: z.string().default(''),
  street_2: z.string().default(''),
  zip: z.string().min(1),
  city: z.string().default(''),
  state_iso2: z.string().default(''),
  country_iso2: z.string().length(2),
  address_type: z.enum(['residential', 'commercial', 'RESIDENTIAL', 'COMMERCIAL']).optional(),
});

const CarrierSchema = z.object({
  code: z.string().min(1),
  displayName: z.string().min(1),
  rateUrl: z.url(),
  checkConnectionUrl: z.url().optional(),
  connectionOptions: z.record(z.string(), z.string()).default({}),
  zoneOptions: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().positive().max(60_000).default(CARRIER_TIMEOUT_MS),
  origin: AddressSchema.prefault({
    street_1: 'Teollisuuskatu 1',
    zip: '00510',
    city: 'Helsinki',
    country_iso2: 'FI',
  }),
});
export type ShippingCarrier = z.infer<typeof CarrierSchema>;

const measure = (units: string) =>
  z.object({ units: z.string().default(units), value: z.number().nonnegative() });

const QuoteRequestSchema = z.object({
  destination: AddressSchema,
  items: z
    .array(
      z.object({
        sku: z.string().min(1),
        name: z.string().default(''),
        quantity: z.number().int().positive(),
        price: z.string().default('10.00'),
        weight: measure('g').default({ units: 'g', value: 500 }),
        length: measure('cm').default({ units: 'cm', value: 20 }),
        width: measure('cm').default({ units: 'cm', value: 15 }),
        height: measure('cm').default({ units: 'cm', value: 10 }),
      }),
    )
    .min(1),
  currency: z.string().length(3).default('EUR'),
  /** The storefront (channel) checking out; BigCommerce names it in the request context. */
  channelId: z.number().int().positive().default(1),
  /** Skip BigCommerce's quote cache, as a changed cart would. */
  fresh: z.boolean().default(false),
});
type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

interface CachedQuote {
  until: number;
  answer: unknown;
}

const ids = (sku: string) => {
  const digits = createHash('sha1').update(sku).digest().readUInt32BE(0) % 100_000;
  return { product_id: String(1000 + digits), variant_id: String(2000 + digits) };
};

/** The Rate Request Payload BigCommerce sends: amounts as strings, as its own example does. */
export function rateRequestPayload(
  storeId: string,
  carrier: ShippingCarrier,
  request: QuoteRequest,
) {
  return {
    base_options: {
      origin: { address_type: 'commercial', ...carrier.origin },
      destination: { address_type: 'residential', ...request.destination },
      items: request.items.map((item) => ({
        sku: item.sku,
        ...ids(item.sku),
        name: item.name || item.sku,
        quantity: item.quantity,
        weight: item.weight,
        length: item.length,
        width: item.width,
        height: item.height,
        discounted_price: { currency: request.currency, amount: item.price },
        declared_value: { currency: request.currency, amount: item.price },
        attributes: [],
      })),
      customer: { customer_groups: [{ customer_group_id: 0, customer_group_name: 'Guest' }] },
      store_id: storeId,
      request_context: {
        reference_values: [
          { name: 'channel_id', value: String(request.channelId) },
          { name: 'cart_id', value: randomUUID() },
        ],
      },
    },
    zone_options: carrier.zoneOptions,
    connection_options: carrier.connectionOptions,
  };
}

async function post(url: string, body: unknown, timeoutMs: number) {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, elapsedMs: Date.now() - started };
  } catch (error) {
    // AbortSignal.timeout rejects with a DOMException named TimeoutError.
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
    return {
      status: 0,
      json: undefined,
      elapsedMs: Date.now() - started,
      error: timedOut ? `carrier did not answer within ${timeoutMs} ms` : String(error),
    };
  }
}

interface CarrierQuote {
  code?: string;
  display_name?: string;
  cost?: { currency?: string; amount?: number | string };
  description?: string;
  transit_time?: unknown;
}

/** The quotes checkout lists, flattened from `carrier_quotes`. */
function quotesOf(answer: unknown): CarrierQuote[] {
  const carriers = (answer as { carrier_quotes?: { quotes?: CarrierQuote[] }[] } | undefined)
    ?.carrier_quotes;
  return Array.isArray(carriers) ? carriers.flatMap((carrier) => carrier.quotes ?? []) : [];
}

/** The checkout's carrier calls (see the file comment). */
export function checkoutRoutes(state: BigCommerceSimState): Router {
  const router = express.Router();
  const carriers = new Map<string, ShippingCarrier>();
  const cache = new Map<string, CachedQuote>();

  router.put('/stores/:hash/shipping-carrier', (req, res) => {
    const store = state.stores.get(String(req.params.hash));
    if (!store) return void res.status(404).json({ error: 'no such store' });
    const parsed = CarrierSchema.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: 'invalid carrier', issues: parsed.error.issues });
    carriers.set(store.hash, parsed.data);
    res.json(parsed.data);
  });

  router.post('/stores/:hash/shipping-carrier/check', async (req, res) => {
    const carrier = carriers.get(String(req.params.hash));
    if (!carrier?.checkConnectionUrl) {
      return void res.status(404).json({ error: 'no carrier with a check URL' });
    }
    const answer = await post(
      carrier.checkConnectionUrl,
      { connection_options: carrier.connectionOptions },
      carrier.timeoutMs,
    );
    res.json(answer.json ?? { valid: false, messages: [{ type: 'ERROR', text: answer.error }] });
  });

  router.post('/stores/:hash/checkout/quote', async (req, res) => {
    const store = state.stores.get(String(req.params.hash));
    const carrier = carriers.get(String(req.params.hash));
    if (!store || !carrier) return void res.status(404).json({ error: 'no store or carrier' });
    const parsed = QuoteRequestSchema.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: 'invalid cart', issues: parsed.error.issues });
    const payload = rateRequestPayload(store.storeId, carrier, parsed.data);
    const key = createHash('sha1')
      .update(JSON.stringify({ ...payload.base_options, request_context: null }))
      .digest('hex');
    const hit = cache.get(key);
    if (hit && hit.until > Date.now() && !parsed.data.fresh) {
      return void res.json({ status: 200, elapsedMs: 0, cached: true, ...view(hit.answer) });
    }
    const answer = await post(carrier.rateUrl, payload, carrier.timeoutMs);
    const ok = answer.status === 200 && answer.json !== undefined;
    const ttl = Number((answer.json as { ttl?: unknown } | undefined)?.ttl);
    if (ok && Number.isFinite(ttl) && ttl > 0)
      cache.set(key, { until: Date.now() + ttl * 1000, answer: answer.json });
    res.json({
      status: answer.status,
      elapsedMs: answer.elapsedMs,
      cached: false,
      ...(answer.error ? { error: answer.error } : {}),
      ...(ok ? view(answer.json) : { messages: [], quotes: [] }),
    });
  });
  return router;
}

function view(answer: unknown) {
  const messages = (answer as { messages?: unknown[] } | undefined)?.messages;
  return {
    messages: Array.isArray(messages) ? messages : [],
    quotes: quotesOf(answer),
    raw: answer,
  };
}
