import type { Platform } from '@shiplink/app-kit';
import { openDeltaWindow } from '@shiplink/db';
import { digest } from '@shiplink/domain';
import { jobs, orderSubject } from '@shiplink/jobs';

const CURSOR = 'orders.modified';
/** Two minutes before the cursor; a new connection's first poll looks back a day. */
const BOUNDS = { overlapMs: 2 * 60_000, firstLookbackMs: 24 * 3600_000 };

/** Delta poll: every order modified since the cursor becomes an import job (deduplicated by id). */
export class OrdersPollService {
  constructor(private readonly platform: Platform) {}

  async poll({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, ports, producer, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('store'),
    );
    const window = await openDeltaWindow(repos.cursors, connectionId, CURSOR, BOUNDS);
    const { since } = window;
    const orders = await ports.store(connection).ordersChangedSince(since);
    const subjectOf = (orderRef: string) => orderSubject(connectionId, orderRef);
    const waiting = await repos.deadLetters.openSubjects(orders.map((o) => subjectOf(o.orderRef)));
    let skipped = 0;
    for (const order of orders) {
      const modified = window.see(order.changedAt);
      // A dead letter that failed after this modification has seen this version of the order:
      // importing it again would only fail again. A later change in the store (a fix) is imported.
      const deadLettered = waiting.get(subjectOf(order.orderRef));
      if (deadLettered && deadLettered >= modified) {
        skipped += 1;
        continue;
      }
      await producer.enqueue(
        jobs.orderImport,
        // The same modification always yields the same job id: overlapping polls add nothing.
        {
          connectionId,
          orderRef: order.orderRef,
          trigger: `m${digest(order.changedAt, 12)}`,
        },
        { correlationId: `poll-${connectionId}` },
      );
    }
    await window.close();
    logger.info('orders polled', {
      found: orders.length,
      skippedDeadLettered: skipped,
      since: since.toISOString(),
    });
  }
}
