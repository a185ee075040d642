import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { parseEnv } from '@shiplink/config';
import { createPlatform, platformEnv } from '@shiplink/app-kit';
import { listDeadLetters, QUEUES, requestReplay, type QueueName } from '@shiplink/jobs';
import { PLATFORM_SCOPE } from '@shiplink/db';
import { HttpProblem } from '../http/problems';
import { PRINT_LIMIT, PrintLabelsSchema, printQuery } from '../services/label-views';
import { LabelsService } from '../services/labels.service';
import { NotificationTemplatesService } from '../services/notification-templates.service';
import { ReturnsService } from '../services/returns.service';
import { RoutingRulesService } from '../services/routing-rules.service';
import {
  DismissReviewSchema,
  MapSkuSchema,
  ReviewsService,
  ReviewStatusSchema,
  SkuSchema,
} from '../services/reviews.service';
import { orderTimeline } from '../services/timeline.service';
import { RETURNS_USAGE, returnsCommand } from './returns';
import { ROUTING_USAGE, routingCommand } from './routing';
import { TEMPLATES_USAGE, templatesCommand } from './templates';

const USAGE = `usage:
  shiplink dlq list [queue]                  dead letters waiting for a decision
  shiplink dlq replay <queue> <dlqJobId>     replay one (audited; safe to repeat)
  shiplink dlq replay <queue> --all          replay every parked dead letter of a queue
  shiplink order <orderNumber>               what happened to an order (state + audit trail)
  shiplink timeline <orderNumber>            where an order's parcels are (status + checkpoints)
  shiplink reviews <storeId> [status]        orders waiting for SKUs (status: ${ReviewStatusSchema.options.join('|')})
  shiplink sku-map <storeId> <storeSku> <fulfilmentSku> [--by name]
                                             map a SKU by hand; waiting orders flow (audited)
  shiplink review-dismiss <reviewId> [--by name]
                                             let a waiting order go without exporting it (audited)
  shiplink labels <storeId> <orderNumber>    an order's Posti consignments and their labels
  shiplink labels-print <storeId> (--orders 1001,1002 | --since ISO [--until ISO]) --out <file.pdf>
                                             many orders' labels as one PDF (at most ${PRINT_LIMIT}
                                             consignments, oldest first; missing ones listed)
${TEMPLATES_USAGE}
${ROUTING_USAGE}
${RETURNS_USAGE}
queues: ${QUEUES.join(', ')}`;

/** `--by name` from the arguments (else the operating system user), and the others. */
function byOption(args: readonly string[]): { by: string; rest: string[] } {
  const at = args.indexOf('--by');
  if (at < 0) return { by: userInfo().username, rest: [...args] };
  const by = args[at + 1];
  if (!by) throw new Error(`--by needs a name\n${USAGE}`);
  return { by, rest: args.filter((_arg, i) => i !== at && i !== at + 1) };
}

/** An argument checked as the admin API checks it; a bad one prints why and the usage. */
function arg<S extends z.ZodType>(schema: S, value: unknown, name: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}\n${USAGE}`);
  }
  return parsed.data;
}

/** `--name value` from the arguments, if given. */
function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}

const Id = z.uuid();

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
      const orders = await platform.repos.orders.findByNumber(PLATFORM_SCOPE, sub);
      const audit = await platform.repos.audit.forOrder(PLATFORM_SCOPE, sub);
      console.log(
        JSON.stringify(
          { orders, audit },
          (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
          2,
        ),
      );
    } else if (command === 'timeline' && sub) {
      console.log(
        JSON.stringify(await orderTimeline(platform.repos, PLATFORM_SCOPE, sub), null, 2),
      );
    } else if (command === 'reviews' || command === 'sku-map' || command === 'review-dismiss') {
      const reviews = new ReviewsService(platform.repos, platform.producer, platform.ports);
      const { by, rest: args } = byOption([sub ?? '', ...rest]);
      if (command === 'reviews') {
        const status = args[1] ? arg(ReviewStatusSchema, args[1], 'status') : undefined;
        for (const review of await reviews.list(arg(Id, args[0], 'storeId'), status)) {
          console.log(
            [
              review.id,
              review.orderNumber,
              review.status,
              review.reason,
              review.skus.join(','),
              review.createdAt,
              review.resolvedBy ?? '',
            ].join('\t'),
          );
        }
      } else if (command === 'sku-map') {
        const mapped = await reviews.mapSku(
          arg(Id, args[0], 'storeId'),
          arg(SkuSchema, args[1], 'storeSku'),
          arg(MapSkuSchema, { fulfilmentSku: args[2], by }, 'mapping'),
        );
        console.log(
          `${mapped.mapping.storeSku} → ${mapped.mapping.fulfilmentSku} (by ${by}); ${mapped.ordersRequeued} waiting order(s) sent again`,
        );
      } else {
        const dismissed = await reviews.dismiss(
          arg(Id, args[0], 'reviewId'),
          arg(DismissReviewSchema, { by }, 'dismissal'),
        );
        console.log(`review ${dismissed.id} of order ${dismissed.orderNumber} dismissed by ${by}`);
      }
    } else if (command === 'labels' || command === 'labels-print') {
      const labels = new LabelsService(platform.repos, platform.ports);
      const storeId = arg(Id, sub, 'storeId');
      if (command === 'labels') {
        if (!rest[0]) throw new Error(`labels needs an order number\n${USAGE}`);
        for (const shipment of await labels.list(storeId, rest[0])) {
          console.log(
            [
              shipment.id,
              shipment.status,
              shipment.serviceName,
              shipment.parcels.map((parcel) => parcel.trackingNumber).join(','),
              shipment.hasLabel ? 'label kept' : (shipment.labelError ?? 'no label yet'),
              shipment.createdAt,
            ].join('\t'),
          );
        }
      } else {
        await printLabels(labels, storeId, rest);
      }
    } else if (command === 'templates') {
      const { by, rest: args } = byOption(rest);
      await templatesCommand(new NotificationTemplatesService(platform.repos), sub, args, by);
    } else if (command === 'returns') {
      const { by, rest: args } = byOption(rest);
      const returns = new ReturnsService(platform.repos, platform.producer);
      await returnsCommand(returns, sub, args, by);
    } else if (command === 'routing') {
      const { by, rest: args } = byOption(rest);
      await routingCommand(new RoutingRulesService(platform.repos, platform.ports), sub, args, by);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await platform.close();
  }
}

/** `labels-print`: writes the merged PDF and says what it holds and what it could not. */
async function printLabels(labels: LabelsService, storeId: string, args: string[]) {
  const out = option(args, '--out');
  if (!out) throw new Error(`labels-print needs --out <file.pdf>\n${USAGE}`);
  const orders = option(args, '--orders');
  const since = option(args, '--since');
  const until = option(args, '--until');
  const input = arg(
    PrintLabelsSchema,
    {
      ...(orders ? { orderNumbers: orders.split(',').filter(Boolean) } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    },
    'labels-print',
  );
  const printed = await labels.print(printQuery(storeId, input));
  // Labels carry names and addresses: readable by this user only.
  await writeFile(out, printed.pdf, { mode: 0o600 });
  const pages = printed.included.reduce((sum, label) => sum + label.pages, 0);
  console.log(`${out}: ${printed.included.length} label(s), ${pages} page(s)`);
  for (const label of printed.included) {
    console.log(
      ['included', label.orderNumber, label.trackingNumbers.join(','), label.pages].join('\t'),
    );
  }
  for (const missing of printed.missing) {
    console.log(['missing', missing.orderNumber, missing.reason, missing.message].join('\t'));
  }
  if (printed.nextSince) {
    console.log(
      `stopped at ${printed.limit} consignments: print the rest with --since ${printed.nextSince}`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  // What the admin API would answer as details (a print's missing labels) is shown too.
  if (error instanceof HttpProblem && error.details !== undefined) {
    console.error(JSON.stringify(error.details, null, 2));
  }
  process.exit(1);
});
