import { connectorOfConnection, type PollKind } from '@shiplink/connectors';
import { jobs, type AnyJob, type JobProducer } from '@shiplink/jobs';
import type { Logger } from '@shiplink/logger';

interface PolledConnection {
  id: string;
  provider: string;
}

/** The job each kind of delta poll runs as. */
const POLL_JOBS: Record<PollKind, AnyJob> = {
  orders: jobs.ordersPoll,
  parcels: jobs.storeParcelsPoll,
  shipments: jobs.shipmentsPoll,
  // Cheap when nothing is stale: the job only calls the provider for trackings gone quiet.
  trackings: jobs.trackingPoll,
  stock: jobs.stockPoll,
  // Cheap when nothing waits: the job only asks the provider about SKUs orders wait for.
  reviews: jobs.reviewsRecheck,
  messages: jobs.messagesPoll,
  'fulfilment-orders': jobs.fulfilmentOrdersPoll,
  // Cheap when nothing waits: one query, and the provider is asked only about SKUs that are due.
  products: jobs.productsRecheck,
};

/** The delta polls a connection gets, as its provider's descriptor lists them. */
const pollsOf = (connection: PolledConnection) =>
  connectorOfConnection(connection).polls.map((kind) => POLL_JOBS[kind]);

/**
 * Delta polls catch whatever webhooks missed. Each poll of a connection gets one scheduler with a
 * deterministic id, so every ingress replica can upsert it without doubling it. Schedulers live
 * in Redis only, so they are re-ensured while the ingress runs: a Redis that lost its data gets
 * them back within one reconcile interval, not at the next restart.
 */
export class PollScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly producer: JobProducer,
    private readonly intervalMs: number,
    /** SCHEDULER_ENABLED: when off, this process schedules nothing at all. */
    readonly enabled: boolean,
  ) {}

  /** Schedules the connection's polls; answers their scheduler ids (none when switched off). */
  async schedule(connection: PolledConnection): Promise<string[]> {
    if (!this.enabled) return [];
    const payload = { connectionId: connection.id };
    const ids: string[] = [];
    for (const definition of pollsOf(connection)) {
      ids.push(await this.producer.schedule(definition, payload, this.intervalMs));
    }
    return ids;
  }

  /** Removes the connection's polls (a store that uninstalled the app); safe when there are none. */
  async unschedule(connection: PolledConnection): Promise<void> {
    const payload = { connectionId: connection.id };
    for (const definition of pollsOf(connection)) {
      await this.producer.unschedule(definition, payload);
    }
  }

  /**
   * Runs every poll of the connection now, beside its schedule (after a change the merchant made
   * at a provider that sends no webhook for it). Answers the jobs' ids.
   */
  async runNow(connection: PolledConnection): Promise<string[]> {
    const payload = { connectionId: connection.id };
    const run = `${Date.now()}`;
    const ids: string[] = [];
    for (const definition of pollsOf(connection)) {
      ids.push(
        await this.producer.enqueue(
          definition,
          payload as never,
          { correlationId: `poll-now-${connection.id}-${run}` },
          { run },
        ),
      );
    }
    return ids;
  }

  /** Schedules the polls that are missing; returns how many had to be created again. */
  async ensure(connections: readonly PolledConnection[]): Promise<number> {
    if (!this.enabled) return 0;
    let created = 0;
    for (const connection of connections) {
      const payload = { connectionId: connection.id };
      for (const definition of pollsOf(connection)) {
        if (await this.producer.isScheduled(definition, payload)) continue;
        await this.producer.schedule(definition, payload, this.intervalMs);
        created += 1;
      }
    }
    return created;
  }

  /** Runs `ensure` over the active connections now and every `everyMs`. */
  start(
    listConnections: () => Promise<readonly PolledConnection[]>,
    everyMs: number,
    logger: Logger,
  ): void {
    if (!this.enabled) return;
    const reconcile = async () => {
      const created = await this.ensure(await listConnections());
      if (created > 0) logger.warn('poll schedules re-created', { count: created });
    };
    const run = () => {
      reconcile().catch((error: unknown) => logger.warn('poll schedule check failed', { error }));
    };
    run();
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
