import type { ProviderId } from '@shiplink/connectors';
import type { PostiSimAccount } from '@shiplink/connectors/posti/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import {
  finnishOrder,
  NORDIC_TRAIL_SENDER,
  type PostiShipmentView,
} from '@shiplink/test-world/finnish-store';
import { finnishRateRules } from '@shiplink/test-world/rates';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { sleep, waitFor, type AppProcess } from '@shiplink/testing';
import { percentile } from './load';
import { startHubApp } from './hub-apps';

export interface LabelsPhaseContext {
  env: Record<string, string>;
  admin: AdminClient;
  simUrls: Record<ProviderId, string>;
  apps: AppProcess[];
  /** Orders placed per second. */
  rate: number;
  seconds: number;
}

export interface LabelsFigures {
  /** The Finnish store and one of its orders, for the phases after this one. */
  storeId: string;
  orderNumber: string;
  /** Every consignment's reference (its store order id), for the phases that move its parcels. */
  references: string[];
  rate: number;
  orders: number;
  consignments: number;
  /** Consignments created per second, from the first order placed to the last one created. */
  perSecond: number;
  /** Order placed in the store → its consignment created at Posti (the simulator's own clock). */
  createdMs: number[];
  withLabels: number;
  /** Consignments Posti holds beyond one per order (must be 0). */
  duplicates: number;
  seconds: number;
}

/**
 * Label creation: a Finnish store that ships with Posti gets `rate` orders a second in Awaiting
 * Fulfillment; each becomes a Posti consignment with its label kept and its store shipment
 * written. Latency is read from the consignments' creation times, so polling adds nothing.
 */
export async function runLabelsPhase(ctx: LabelsPhaseContext): Promise<LabelsFigures> {
  for (const app of ['worker-orders', 'worker-shipments', 'worker-tracking']) {
    if (ctx.apps.some((running) => running.app === app)) continue;
    const running = startHubApp(app, { ...ctx.env, LOG_LEVEL: 'info' });
    ctx.apps.push(running);
    await running.waitForOutput('worker ready');
  }
  const bigcommerce = new SimulatorControl(ctx.simUrls.bigcommerce);
  const posti = new SimulatorControl(ctx.simUrls.posti);
  const accounts = await openAccounts(ctx.simUrls, {
    providers: ['posti'],
    settings: { bigcommerce: { weightUnit: 'kg' }, posti: { sender: NORDIC_TRAIL_SENDER } },
  });
  const account = accountOf<PostiSimAccount>(accounts, 'posti');
  if (!account) throw new Error('no Posti account was opened');
  const { storeId } = await ctx.admin.connectAnyStore('Bench Sauna', accounts.list);
  // Checkout sold Posti's home delivery: the orders' shipping method names the rule's service.
  await ctx.admin.http.put(`/stores/${storeId}/rate-rules`, {
    rules: finnishRateRules(),
    by: 'bench',
  });
  const storeHash = accounts.storeRef;

  const placedAt = new Map<string, number>();
  const total = Math.round(ctx.rate * ctx.seconds);
  const started = Date.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ctx.rate;
    await sleep(Math.max(0, due - Date.now()));
    pending.push(
      (async () => {
        const at = Date.now();
        const placed = await bigcommerce.post<{ order: { id: number } }>(
          `/stores/${storeHash}/orders`,
          finnishOrder(),
        );
        placedAt.set(String(placed.order.id), at);
      })(),
    );
  }
  await Promise.all(pending);
  const shipments = await waitFor(
    async () => {
      const held = await posti.get<(PostiShipmentView & { createdAt: string })[]>(
        `/accounts/${account.credentials.apiKey}/shipments`,
      );
      return held.length >= total ? held : undefined;
    },
    { what: `${total} Posti consignments`, timeoutMs: 120_000 },
  );
  const createdMs = shipments.flatMap((shipment) => {
    const placed = placedAt.get(shipment.reference);
    return placed === undefined ? [] : [new Date(shipment.createdAt).getTime() - placed];
  });
  const last = Math.max(...shipments.map((shipment) => new Date(shipment.createdAt).getTime()));
  // Labels are kept right after the create; give the last ones a moment before counting.
  await sleep(1_000);
  let withLabels = 0;
  for (const orderNumber of placedAt.keys()) {
    const kept = await ctx.admin.http.get<{ hasLabel: boolean }[]>(
      `/stores/${storeId}/orders/${orderNumber}/carrier-shipments`,
    );
    if (kept.data.some((consignment) => consignment.hasLabel)) withLabels += 1;
  }
  return {
    storeId,
    orderNumber: [...placedAt.keys()][0] ?? '',
    references: shipments.map((shipment) => shipment.reference),
    rate: ctx.rate,
    orders: total,
    consignments: shipments.length,
    perSecond: shipments.length / ((last - started) / 1000),
    createdMs,
    withLabels,
    duplicates: shipments.length - new Set(shipments.map((s) => s.reference)).size,
    seconds: (last - started) / 1000,
  };
}

export function labelsRows(
  figures: LabelsFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  return [
    `| Posti label creation, ${fmt(figures.rate, 0)} orders/s offered (${fmt(figures.orders, 0)} orders → ${fmt(figures.consignments, 0)} consignments, ${fmt(figures.duplicates, 0)} duplicates) | — | ${fmt(figures.perSecond, 1)} consignments/s; order → consignment p50 / p99 ${fmt(percentile(figures.createdMs, 50), 0)} / ${fmt(percentile(figures.createdMs, 99), 0)} ms |`,
    `|   consignments with their label PDF kept | — | ${fmt(figures.withLabels, 0)} of ${fmt(figures.orders, 0)} |`,
  ];
}
