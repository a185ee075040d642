import type { ConnectionRecord } from '@shiplink/db';
import { jobs, type JobProducer } from '@shiplink/jobs';

/**
 * Delta polls catch whatever webhooks missed. Each connection gets one scheduler with a
 * deterministic id, so every ingress replica can upsert it at boot without doubling it.
 */
export class PollScheduler {
  constructor(
    private readonly producer: JobProducer,
    private readonly intervalMs: number,
  ) {}

  async schedule(
    connection: Pick<ConnectionRecord, 'id' | 'provider'>,
  ): Promise<string | undefined> {
    const payload = { connectionId: connection.id };
    switch (connection.provider) {
      case 'bigcommerce':
        return this.producer.schedule(jobs.ordersPoll, payload, this.intervalMs);
      case 'shipstation':
        return this.producer.schedule(jobs.shipmentsPoll, payload, this.intervalMs);
      case 'aftership':
        // Cheap when nothing is stale: the job only calls AfterShip for trackings gone quiet.
        return this.producer.schedule(jobs.trackingPoll, payload, this.intervalMs);
    }
  }
}
