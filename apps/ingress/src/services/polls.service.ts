import type { ConnectionRecord } from '@shiplink/db';
import { jobs, type AnyJob, type JobProducer } from '@shiplink/jobs';
import type { Logger } from '@shiplink/logger';

type PolledConnection = Pick<ConnectionRecord, 'id' | 'provider'>;

/** The delta poll each provider's connection gets. */
const POLL_OF: Record<ConnectionRecord['provider'], AnyJob> = {
  bigcommerce: jobs.ordersPoll,
  shipstation: jobs.shipmentsPoll,
  // Cheap when nothing is stale: the job only calls AfterShip for trackings gone quiet.
  aftership: jobs.trackingPoll,
};

/**
 * Delta polls catch whatever webhooks missed. Each connection gets one scheduler with a
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

  async schedule(connection: PolledConnection): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    const payload = { connectionId: connection.id };
    return this.producer.schedule(POLL_OF[connection.provider], payload, this.intervalMs);
  }

  /** Schedules the polls that are missing; returns how many had to be created again. */
  async ensure(connections: readonly PolledConnection[]): Promise<number> {
    if (!this.enabled) return 0;
    let created = 0;
    for (const connection of connections) {
      const definition = POLL_OF[connection.provider];
      const payload = { connectionId: connection.id };
      if (await this.producer.isScheduled(definition, payload)) continue;
      await this.producer.schedule(definition, payload, this.intervalMs);
      created += 1;
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
