import { Router } from 'express';
import type { Repos } from '@shiplink/db';
import { deliveryCsv } from '@shiplink/domain';
import { scopeOf } from '../auth/principal';
import { HttpProblem, route } from '../http/problems';
import {
  analyticsQuery,
  DeliveryAnalyticsService,
  DeliveryReportQuerySchema,
  DeliverySeriesQuerySchema,
} from '../services/delivery-analytics.service';

const wantsCsv = (format: unknown, accepts: string | false) =>
  format === 'csv' || (format === undefined && accepts === 'text/csv');

/**
 * Delivery analytics under the admin API, for the caller's tenant (one store with `storeId`):
 * parcels whose transit began in [from, to), with transit times, on-time, exception,
 * failed-attempt and return rates per carrier, service, destination region or store, as JSON
 * or CSV (`?format=csv` or `Accept: text/csv`); and the same per day or week for charts.
 */
export function analyticsApi(deps: { repos: Repos }): Router {
  const analytics = new DeliveryAnalyticsService(deps.repos);
  const router = Router();

  router.get(
    '/admin/api/analytics/delivery',
    route(async (req, res) => {
      const { format, ...rest } = req.query;
      if (format !== undefined && format !== 'csv' && format !== 'json') {
        throw new HttpProblem(400, 'bad_format', 'format is csv or json');
      }
      const query = analyticsQuery(DeliveryReportQuerySchema, rest);
      const report = await analytics.report(scopeOf(res), query);
      if (wantsCsv(format, req.accepts(['json', 'text/csv']))) {
        const name = `delivery-by-${report.groupBy}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
        res.setHeader('content-disposition', `attachment; filename="${name}"`);
        res.type('text/csv; charset=utf-8').send(deliveryCsv(report));
        return;
      }
      res.json(report);
    }),
  );

  router.get(
    '/admin/api/analytics/delivery/series',
    route(async (req, res) => {
      const query = analyticsQuery(DeliverySeriesQuerySchema, req.query);
      res.json(await analytics.series(scopeOf(res), query));
    }),
  );

  return router;
}
