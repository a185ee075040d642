import { z } from 'zod';
import {
  ApproveRefundSchema,
  DeclineRefundSchema,
  RefundStateSchema,
  type ReturnsService,
} from '../services/returns.service';

export const RETURNS_USAGE = `  shiplink returns list <storeId> [refundState]
                                             a store's returns (refundState: ${RefundStateSchema.options.join('|')})
  shiplink returns approve <returnId> [--by name]
                                             refund it: issued once, through the store (audited)
  shiplink returns decline <returnId> [--note text] [--by name]
                                             refund nothing through the hub`;

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}\n${RETURNS_USAGE}`);
  }
  return parsed.data;
}

/** The value after `--name`, if given. */
function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
}

/** `shiplink returns …`: the admin API's returns and refund decisions, from a terminal. */
export async function returnsCommand(
  returns: ReturnsService,
  sub: string | undefined,
  args: string[],
  by: string,
): Promise<void> {
  const id = checked(z.uuid(), args[0], sub === 'list' ? 'storeId' : 'returnId');
  if (sub === 'list') {
    const state = args[1] ? checked(RefundStateSchema, args[1], 'refundState') : undefined;
    for (const record of await returns.list(id, state)) {
      const units = record.items.reduce((sum, item) => sum + item.quantity, 0);
      console.log(
        [
          record.id,
          record.orderNumber,
          record.state,
          record.refundState,
          `${units} item(s)`,
          record.refundTotal ?? '',
          record.createdAt.toISOString(),
        ].join('\t'),
      );
    }
    return;
  }
  if (sub === 'approve') {
    const approved = await returns.approve(id, checked(ApproveRefundSchema, { by }, 'approval'));
    console.log(`refund of return ${id} approved by ${by}; issuing (job ${approved.jobId})`);
    return;
  }
  if (sub === 'decline') {
    const note = option(args, '--note');
    await returns.decline(
      id,
      checked(DeclineRefundSchema, { by, ...(note ? { note } : {}) }, 'decline'),
    );
    console.log(`refund of return ${id} declined by ${by}`);
    return;
  }
  throw new Error(RETURNS_USAGE);
}
