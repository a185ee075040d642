import { SIMULATORS } from '@shiplink/connectors/simulators';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { finnishRateRules } from '@shiplink/test-world/rates';
import { closedLoop, percentile, type LoadResult } from './load';

export interface RatesFigures {
  cached: LoadResult;
  live: LoadResult;
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
 * points of the destination cached (one postcode), and live (a new postcode every request, so
 * every answer waits on the Posti simulator's pickup-point search).
 */
export async function runRatesPhase(ctx: {
  admin: AdminClient;
  storeId: string;
  port: number;
  simUrls: Record<string, string>;
  connections: number;
  durationMs: number;
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
  const cached = await closedLoop(ctx.port, () => ({ path, headers: {}, body: cachedBody }), load);
  let next = 10_000;
  const live = await closedLoop(
    ctx.port,
    () => ({ path, headers: {}, body: rateRequest(String(next++).padStart(5, '0'), key) }),
    load,
  );
  return { cached, live };
}

/** The phase's rows of the results table. */
export function ratesRows(
  figures: RatesFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  const row = (label: string, run: LoadResult) =>
    `| checkout rate requests, ${label} (${fmt(run.sent, 0)} requests, ${fmt(run.accepted, 0)} answered 2xx) | — | ${fmt(run.accepted / run.seconds, 0)}/s; p50 / p99 ${fmt(percentile(run.latenciesMs, 50), 1)} / ${fmt(percentile(run.latenciesMs, 99), 1)} ms |`;
  return [
    row('pickup points cached', figures.cached),
    row('pickup points live from Posti', figures.live),
  ];
}
