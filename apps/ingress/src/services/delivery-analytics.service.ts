import { z } from 'zod';
import { DELIVERY_ON_TIME_BASIS, type Repos, type Scope } from '@shiplink/db';
import {
  DELIVERY_DIMENSIONS,
  DeliveryReportBuilder,
  DeliverySeriesBuilder,
  SERIES_INTERVALS,
  type DeliveryDimension,
  type DeliveryMetrics,
  type DeliveryPoint,
  type DeliveryRow,
  type OnTimeBasis,
  type ParcelFacts,
  type SeriesInterval,
} from '@shiplink/domain';
import { HttpProblem } from '../http/problems';

const DAY_MS = 86_400_000;
/** A report covers at most this many days; a longer one is asked for in parts. */
export const MAX_ANALYTICS_DAYS = 400;

/** A date (`2026-11-01`, midnight UTC) or a date-time with an offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `from` is inclusive and `to` exclusive, by when each parcel's transit began. */
const PeriodSchema = z
  .object({ from: instant, to: instant })
  .transform((period) => ({ from: new Date(period.from), to: new Date(period.to) }))
  .refine((period) => period.from < period.to, { message: 'from comes before to', path: ['to'] })
  .refine((period) => period.to.getTime() - period.from.getTime() <= MAX_ANALYTICS_DAYS * DAY_MS, {
    message: `a period covers at most ${MAX_ANALYTICS_DAYS} days`,
    path: ['to'],
  });

export const DeliveryReportQuerySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(DELIVERY_DIMENSIONS).default('carrier'),
    storeId: z.uuid().optional(),
  })
  .strict();

export const DeliverySeriesQuerySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.enum(SERIES_INTERVALS).default('day'),
    storeId: z.uuid().optional(),
  })
  .strict();

const issues = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`);

/** A query string in a schema's shape, or 400 naming every parameter that does not fit. */
export function analyticsQuery<S extends z.ZodType>(schema: S, query: unknown) {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new HttpProblem(400, 'invalid_query', 'the query does not fit', issues(parsed.error));
  }
  const base = parsed.data as z.infer<S> & { from: string; to: string };
  const period = PeriodSchema.safeParse({ from: base.from, to: base.to });
  if (!period.success) {
    throw new HttpProblem(
      400,
      'bad_period',
      'give from and to as dates (2026-11-01) or date-times with an offset',
      issues(period.error),
    );
  }
  return { ...base, ...period.data };
}

export interface DeliveryReport {
  from: string;
  to: string;
  groupBy: DeliveryDimension;
  storeId: string | null;
  onTimeBasis: OnTimeBasis;
  rows: DeliveryRow[];
  totals: DeliveryMetrics;
}

export interface DeliverySeries {
  from: string;
  to: string;
  interval: SeriesInterval;
  storeId: string | null;
  onTimeBasis: OnTimeBasis;
  points: DeliveryPoint[];
}

interface Period {
  from: Date;
  to: Date;
  storeId?: string | undefined;
}

/** Delivery performance over a period: per carrier, service, region or store, and over time. */
export class DeliveryAnalyticsService {
  constructor(private readonly repos: Repos) {}

  async report(scope: Scope, query: Period & { groupBy: DeliveryDimension }) {
    const builder = new DeliveryReportBuilder(query.groupBy);
    await this.each(scope, { ...query, withRegion: query.groupBy === 'region' }, (parcel) =>
      builder.add(parcel),
    );
    return {
      ...this.header(query),
      groupBy: query.groupBy,
      onTimeBasis: DELIVERY_ON_TIME_BASIS,
      ...builder.build(),
    } satisfies DeliveryReport;
  }

  async series(scope: Scope, query: Period & { interval: SeriesInterval }) {
    const builder = new DeliverySeriesBuilder(query, query.interval);
    await this.each(scope, query, (parcel) => builder.add(parcel));
    return {
      ...this.header(query),
      interval: query.interval,
      onTimeBasis: DELIVERY_ON_TIME_BASIS,
      points: builder.build(),
    } satisfies DeliverySeries;
  }

  private header(query: Period) {
    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      storeId: query.storeId ?? null,
    };
  }

  /** Every parcel of the period, batch by batch; 404 for a store the caller does not see. */
  private async each(
    scope: Scope,
    query: Period & { withRegion?: boolean },
    add: (parcel: ParcelFacts) => void,
  ): Promise<void> {
    const analytics = this.repos.deliveryAnalytics;
    if (query.storeId && !(await analytics.storeVisible(scope, query.storeId))) {
      throw new HttpProblem(404, 'unknown_store', 'no such store');
    }
    for await (const batch of analytics.parcels(scope, query)) {
      for (const parcel of batch) add(parcel);
    }
  }
}
