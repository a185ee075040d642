import { SIMULATORS } from '@shiplink/connectors/simulators';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { finnishRateRules } from '@shiplink/test-world/rates';
import { findCapacity, type Capacity, type RampOptions } from './capacity';
import { answeredRun, closedLoop, openLoop, percentile, type LoadResult } from './load';

export interface RatesFigures {
  cached: LoadResult;
  /** Requests a second answered with p99 within the checkout's limit, pickup points cached. */
  capacity: Capacity;
  live: LoadResult & { withPoints: number };
}

/** Live rate requests per second: under the hub's local budget for Posti's pickup search. */
const LIVE_RATE = 40;

/** `rate` requests a second for `durationMs`, open loop, counting answers that carry points. */
async function pacedRequests(
  url: string,
  rate: number,
  durationMs: number,
  nextBody: () => string,
): Promise<RatesFigures['live']> {
  const latenciesMs: number[] = [];
  let accepted = 0;
  let withPoints = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const send = async (body: string) => {
    const t0 = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    latenciesMs.push(performance.now() - t0);
    if (response.ok) accepted += 1;
    if (text.includes('posti-pickup:')) withPoints += 1;
  };
  for (let i = 0; i < (rate * durationMs) / 1000; i++) {
    const due = started + (i * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    pending.push(send(nextBody()));
  }
  await Promise.all(pending);
  return {
    sent: pending.length,
    accepted,
    withPoints,
    seconds: (performance.now() - started) / 1000,
    latenciesMs,
  };
}

/** A BigCommerce rate request for a one-item cart to `postcode`, with the store's checkout key. */
function rateRequest(postcode: string, key: string): string {
  return JSON.stringify({
    base_options: {
      origin: { zip: '00510', country_iso2: 'FI', address_type: 'commercial' },
      destination: {
        zip: postcode,
        city: 'Helsinki',
        country_iso2: 'FI',
        address_type: 'residential',
      },
      items: [
        {
          sku: 'MUG',
          product_id: '101',
          variant_id: '201',
          quantity: 1,
          weight: { units: 'g', value: 800 },
          length: { units: 'cm', value: 20 },
          width: { units: 'cm', value: 15 },
          height: { units: 'cm', value: 10 },
          discounted_price: { currency: 'EUR', amount: '19.90' },
        },
      ],
      store_id: '1',
    },
    connection_options: { key },
  });
}

/**
 * Checkout rate requests at the hub's `/checkout/:storeId/rate`, closed loop: with the pickup
 * points of the destination cached (one postcode, all connections), and live (a new postcode
 * every request, so every answer waits on the Posti simulator's pickup-point search).
 */
export async function runRatesPhase(ctx: {
  admin: AdminClient;
  storeId: string;
  port: number;
  simUrls: Record<string, string>;
  connections: number;
  durationMs: number;
  ramp: RampOptions;
}): Promise<RatesFigures> {
  const { admin, storeId } = ctx;
  await admin.http.put(`/stores/${storeId}/rate-rules`, { rules: finnishRateRules(), by: 'bench' });
  const { key } = (await admin.http.post<{ key: string }>(`/stores/${storeId}/checkout-key`)).data;
  const entry = SIMULATORS.find((simulator) => simulator.provider === 'posti');
  if (!entry) throw new Error('no Posti simulator');
  const account = await entry.openAccount(ctx.simUrls.posti!, {
    settings: {
      sender: {
        name: 'Bench Oy',
        street: 'Teollisuuskatu 1',
        postcode: '00510',
        city: 'Helsinki',
        phone: '+358401234567',
      },
    },
  });
  await admin.connectAccounts(storeId, [account]);
  const path = `/checkout/${storeId}/rate`;
  const load = { connections: ctx.connections, durationMs: ctx.durationMs };
  const cachedBody = rateRequest('00100', key);
  await closedLoop(ctx.port, () => ({ path, headers: {}, body: cachedBody }), {
    connections: 1,
    durationMs: 200,
  });
  const cachedRequest = () => ({ path, headers: {}, body: cachedBody });
  const cached = await closedLoop(ctx.port, cachedRequest, load);
  const capacity = await findCapacity(
    async (rate, seconds) =>
      answeredRun(await openLoop(ctx.port, cachedRequest, { rate, durationMs: seconds * 1000 })),
    ctx.ramp,
  );
  // Live lookups paced under the hub's 50/s budget for Posti's pickup search (over it, a checkout
  // is answered at once without points instead, and says so): every answer waits on a lookup.
  let next = 10_000;
  const live = await pacedRequests(
    `http://127.0.0.1:${ctx.port}${path}`,
    LIVE_RATE,
    ctx.durationMs,
    () => rateRequest(String(next++).padStart(5, '0'), key),
  );
  return { cached, capacity, live };
}

/** The phase's rows of the results table. */
export function ratesRows(
  figures: RatesFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  const row = (label: string, run: LoadResult) =>
    `| checkout rate requests, ${label} (${fmt(run.sent, 0)} requests, ${fmt(run.accepted, 0)} answered 2xx) | — | ${fmt(run.accepted / run.seconds, 0)}/s; p50 / p99 ${fmt(percentile(run.latenciesMs, 50), 1)} / ${fmt(percentile(run.latenciesMs, 99), 1)} ms |`;
  return [
    row('pickup points cached, closed loop', figures.cached),
    row(`pickup points live from Posti, ${LIVE_RATE}/s offered`, figures.live),
    `|   live answers carrying pickup points | — | ${fmt(figures.live.withPoints, 0)} of ${fmt(figures.live.sent, 0)} |`,
  ];
}
