import { z } from 'zod';
import type { Repos, ReturnRecord } from '@shiplink/db';
import { REFUND_STATES, type RefundState } from '@shiplink/domain';
import { jobs, type JobProducer } from '@shiplink/jobs';
import { displayName } from '../http/params';
import { HttpProblem } from '../http/problems';

export const RefundStateSchema = z.enum(REFUND_STATES);
export const ApproveRefundSchema = z.object({ by: displayName }).strict();
export const DeclineRefundSchema = z
  .object({ by: displayName, note: z.string().trim().min(1).max(500).optional() })
  .strict();

/**
 * Returns and their refunds for the admin API and the command line: the store's returns, and
 * the refund decision a person makes. Approving moves the refund by compare-and-set, so of two
 * approvals at once exactly one is accepted (the other is told it was decided already) and one
 * refund job is asked for; the returns worker issues it once.
 */
export class ReturnsService {
  constructor(
    private readonly repos: Repos,
    private readonly producer: JobProducer,
  ) {}

  async list(storeId: string, refundState?: RefundState) {
    const store = await this.repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
    return this.repos.returns.forStore(storeId, refundState);
  }

  async get(returnId: string): Promise<ReturnRecord> {
    const record = await this.repos.returns.find(returnId);
    if (!record) throw new HttpProblem(404, 'unknown_return', 'no such return');
    return record;
  }

  async approve(returnId: string, { by }: z.infer<typeof ApproveRefundSchema>) {
    const record = await this.get(returnId);
    const moved = await this.repos.returns.moveRefund(returnId, ['awaiting_approval'], 'approved', {
      approvedBy: by,
    });
    if (!moved) throw this.decided(record);
    const jobId = await this.producer.enqueue(
      jobs.refundIssue,
      { returnId },
      { correlationId: `refund-approval-${returnId}` },
    );
    return { return: await this.get(returnId), jobId };
  }

  async decline(returnId: string, { by, note }: z.infer<typeof DeclineRefundSchema>) {
    const record = await this.get(returnId);
    const moved = await this.repos.returns.moveRefund(
      returnId,
      ['awaiting_approval'],
      'not_refunded',
      { approvedBy: by, refundNote: note ?? `declined by ${by}` },
    );
    if (!moved) throw this.decided(record);
    return this.get(returnId);
  }

  private decided(record: ReturnRecord): HttpProblem {
    return new HttpProblem(
      409,
      'refund_decided',
      `the refund is ${record.refundState.replace('_', ' ')}, not awaiting approval`,
    );
  }
}
