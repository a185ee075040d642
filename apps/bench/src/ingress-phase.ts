import { randomUUID } from 'node:crypto';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import { createDb } from '@shiplink/db';
import type { AppProcess } from '@shiplink/testing';
import { closedLoop, percentile, type LoadResult } from './load';
import { cpuMsPer, processUsage, type ProcessUsage } from './process-usage';

export interface IngressFigures {
  run: LoadResult;
  /** Inbox rows written during the run: every accepted event must have one. */
  recorded: number;
  before: ProcessUsage;
  after: ProcessUsage;
}

/** Order numbers the forged events name; they never exist, and keep rising across runs. */
let nextOrderId = 1_000_000;

/**
 * Signed BigCommerce deliveries at the ingress, closed loop: the accepted rate and ack latency,
 * the inbox rows written meanwhile, and the ingress process's CPU and memory around the run.
 */
export async function runIngressPhase(ctx: {
  ingress: AppProcess;
  port: number;
  databaseUrl: string;
  /** The store's BigCommerce connection, whose webhooks these are. */
  connectionId: string;
  webhookPath: string;
  storeHash: string;
  secret: string;
  connections: number;
  durationMs: number;
}): Promise<IngressFigures> {
  const signedEvent = () => {
    const body = JSON.stringify({
      scope: 'store/order/updated',
      store_id: '1',
      data: { type: 'order', id: nextOrderId++ },
      hash: 'x',
      created_at: Math.floor(Date.now() / 1000),
      producer: `stores/${ctx.storeHash}`,
    });
    return {
      path: ctx.webhookPath,
      headers: signBigCommerceWebhook({
        id: `msg_${randomUUID()}`,
        timestamp: Date.now() / 1000,
        body,
        secret: ctx.secret,
      }),
      body,
    };
  };
  const startedAt = new Date();
  const before = processUsage(ctx.ingress.child.pid!);
  const run = await closedLoop(ctx.port, signedEvent, ctx);
  const after = processUsage(ctx.ingress.child.pid!);
  const db = createDb(ctx.databaseUrl);
  const recorded = await db.inboxEvent.count({
    where: { connectionId: ctx.connectionId, receivedAt: { gte: startedAt } },
  });
  await db.$disconnect();
  return { run, recorded, before, after };
}

export function ingressRows(
  figures: IngressFigures,
  bare: LoadResult,
  settings: { connections: number; seconds: number },
  fmt: (value: number, digits?: number) => string,
): string[] {
  const { run } = figures;
  const bareRate = bare.accepted / bare.seconds;
  const rate = run.accepted / run.seconds;
  const p = (result: LoadResult, q: number) => fmt(percentile(result.latenciesMs, q));
  return [
    `| accepted webhooks/s (${settings.connections} connections, ${settings.seconds} s) | ${fmt(bareRate, 0)} | ${fmt(rate, 0)} (${fmt((100 * rate) / bareRate, 0)}% of bare) |`,
    `| ack latency p50 / p99 (ms) | ${p(bare, 50)} / ${p(bare, 99)} | ${p(run, 50)} / ${p(run, 99)} |`,
    `| accepted events durably recorded (inbox rows) | — | ${figures.recorded} of ${run.accepted} |`,
    `| ingress CPU per accepted webhook; RSS at the end / peak | — | ${fmt(cpuMsPer(figures.before, figures.after, run.accepted), 2)} ms; ${fmt(figures.after.rssMb, 0)} / ${fmt(figures.after.peakRssMb, 0)} MB |`,
  ];
}
