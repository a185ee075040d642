import type { SimulatorControl } from '@shiplink/connectors/testing';
import { multiLineOrder } from '@shiplink/test-world/scenario';
import { waitFor, type AppProcess } from '@shiplink/testing';
import type { Pool } from 'pg';
import type { RateRun } from './capacity';
import { startHubApp } from './hub-apps';
import { hubArrivals } from './orders-phase';

/** Exported orders not shipped yet, with ShipStation's id for each. */
const UNSHIPPED = `
SELECT fo.order_key, fo.external_id FROM fulfilment_orders fo
WHERE fo.connection_id = $1 AND fo.external_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.fulfilment_order_id = fo.id)
  AND NOT (fo.order_key = ANY($2::text[]))
LIMIT $3`;

/** When each order's shipment was written back to the store (its store shipment id set). */
const WRITTEN_BACK = `
SELECT fo.order_key, (extract(epoch FROM s.updated_at) * 1000)::float8 AS at
FROM shipments s JOIN fulfilment_orders fo ON fo.id = s.fulfilment_order_id
WHERE fo.order_key = ANY($1::text[]) AND s.store_shipment_id IS NOT NULL`;

/**
 * Shipments back: exported orders shipped in ShipStation at a steady rate (each a signed
 * SHIP_NOTIFY to the ingress → shipments queue → worker-shipments reads the shipment → the
 * store's shipment created), each timed from the ship call to the store's shipment recorded.
 * Orders are topped up through the store first where the earlier phases left too few.
 */
export async function prepareShipmentsPhase(ctx: {
  env: Record<string, string>;
  apps: AppProcess[];
  pool: Pool;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  storeHash: string;
  /** The store's ShipStation connection. */
  connectionId: string;
}): Promise<(rate: number, seconds: number) => Promise<RateRun>> {
  if (!ctx.apps.some((app) => app.app === 'worker-shipments')) {
    const running = startHubApp('worker-shipments', { ...ctx.env, LOG_LEVEL: 'info' });
    ctx.apps.push(running);
    await running.waitForOutput('worker ready');
  }
  const shipped: string[] = [];
  const unshipped = async (count: number) =>
    (
      await ctx.pool.query<{ order_key: string; external_id: string }>(UNSHIPPED, [
        ctx.connectionId,
        shipped,
        count,
      ])
    ).rows;
  const topUp = async (count: number) => {
    const order = multiLineOrder();
    const keys: string[] = [];
    for (let i = 0; i < count; i += 50) {
      const placed = await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, () =>
          ctx.bigcommerce.post<{ order: { id: number } }>(`/stores/${ctx.storeHash}/orders`, order),
        ),
      );
      keys.push(...placed.map((p) => `bc-${ctx.storeHash}-${p.order.id}`));
    }
    const arrivals = hubArrivals(ctx.pool);
    await waitFor(async () => (await arrivals(keys)).size >= keys.length || undefined, {
      timeoutMs: 300_000,
      intervalMs: 500,
      what: 'the topped-up orders to be exported',
    });
  };
  return async (rate, seconds) => {
    const total = Math.round(rate * seconds);
    let orders = await unshipped(total);
    if (orders.length < total) {
      await topUp(total - orders.length);
      orders = await unshipped(total);
    }
    const shippedAt = new Map<string, number>();
    const started = performance.now();
    const shipping: Promise<unknown>[] = [];
    for (const [i, order] of orders.entries()) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      shipped.push(order.order_key);
      shippedAt.set(order.order_key, Date.now());
      shipping.push(
        ctx.shipstation.post(`/orders/${order.external_id}/ship`, {
          carrierCode: 'ups',
          serviceCode: 'ups_ground',
        }),
      );
    }
    await Promise.all(shipping);
    const keys = [...shippedAt.keys()];
    const written = await waitFor(
      async () => {
        const rows = (await ctx.pool.query<{ order_key: string; at: number }>(WRITTEN_BACK, [keys]))
          .rows;
        return rows.length >= keys.length ? rows : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 250, what: 'every shipment to reach the store' },
    );
    return {
      latenciesMs: written.map((row) => Number(row.at) - shippedAt.get(row.order_key)!),
      completed: true,
    };
  };
}
