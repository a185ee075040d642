import { z } from 'zod';
import type { Repos } from '@shiplink/db';
import { reconcileShipping, type ReconciliationReport } from '@shiplink/domain';
import { HttpProblem } from '../http/problems';

const DAY_MS = 86_400_000;
/** A report covers at most about a year; a longer one is asked for in parts. */
const MAX_PERIOD_DAYS = 366;

/** A date (`2026-11-01`, midnight UTC) or a date-time with an offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `from` is inclusive and `to` exclusive: November is `from=2026-11-01&to=2026-12-01`. */
export const ReconciliationPeriodSchema = z
  .object({ from: instant, to: instant })
  .strict()
  .transform((period) => ({ from: new Date(period.from), to: new Date(period.to) }))
  .refine((period) => period.from < period.to, { message: 'from comes before to', path: ['to'] })
  .refine((period) => period.to.getTime() - period.from.getTime() <= MAX_PERIOD_DAYS * DAY_MS, {
    message: `a report covers at most ${MAX_PERIOD_DAYS} days`,
    path: ['to'],
  });
export type ReconciliationPeriod = z.infer<typeof ReconciliationPeriodSchema>;

/** What the customer paid for shipping against what the labels cost, for a store and period. */
export class ReconciliationService {
  constructor(private readonly repos: Repos) {}

  async report(
    storeId: string,
    period: ReconciliationPeriod,
  ): Promise<ReconciliationReport & { storeId: string; from: string; to: string }> {
    const store = await this.repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
    const entries = await this.repos.shipments.ledger(storeId, period);
    return {
      storeId,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      ...reconcileShipping(entries),
    };
  }
}
