import { parseEnv } from '@shiplink/config';
import { createPlatform, platformEnv } from '@shiplink/app-kit';
import { listDeadLetters, QUEUES, requestReplay, type QueueName } from '@shiplink/jobs';
import { orderTimeline } from '../services/timeline.service';

const USAGE = `usage:
  shiplink dlq list [queue]                  dead letters waiting for a decision
  shiplink dlq replay <queue> <dlqJobId>     replay one (audited; safe to repeat)
  shiplink dlq replay <queue> --all          replay every parked dead letter of a queue
  shiplink order <orderNumber>               what happened to an order (state + audit trail)
  shiplink timeline <orderNumber>            where an order's parcels are (status + checkpoints)
queues: ${QUEUES.join(', ')}`;

function queueArg(value: string | undefined): QueueName {
  if (!value || !(QUEUES as readonly string[]).includes(value)) {
    throw new Error(`unknown queue "${value ?? ''}"\n${USAGE}`);
  }
  return value as QueueName;
}

async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const platform = createPlatform('cli', parseEnv(platformEnv));
  try {
    if (command === 'dlq' && sub === 'list') {
      const queues = rest[0] ? [queueArg(rest[0])] : [...QUEUES];
      for (const queue of queues) {
        for (const entry of await listDeadLetters(platform.producer, queue)) {
          console.log(`${queue}\t${entry.dlqJobId}\t${entry.reason}\t${entry.error}`);
        }
      }
    } else if (command === 'dlq' && sub === 'replay') {
      const queue = queueArg(rest[0]);
      const target = rest[1];
      if (!target) throw new Error(USAGE);
      const count = await requestReplay(
        platform.producer,
        queue,
        target === '--all' ? { all: true } : { dlqJobId: target },
      );
      console.log(`replay requested for ${count} dead letter(s) on ${queue}`);
    } else if (command === 'order' && sub) {
      const orders = await platform.repos.orders.findByNumber(sub);
      const audit = await platform.repos.audit.forOrder(sub);
      console.log(
        JSON.stringify(
          { orders, audit },
          (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
          2,
        ),
      );
    } else if (command === 'timeline' && sub) {
      console.log(JSON.stringify(await orderTimeline(platform.repos, sub), null, 2));
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await platform.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
