import { Router } from 'express';
import type { Repos } from '@shiplink/db';
import { reconciliationCsv } from '@shiplink/domain';
import { idParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import {
  ReconciliationPeriodSchema,
  ReconciliationService,
} from '../services/reconciliation.service';

const wantsCsv = (format: unknown, accepts: string | false) =>
  format === 'csv' || (format === undefined && accepts === 'text/csv');

/**
 * Shipping cost reconciliation under the admin API: for a period (`from` inclusive, `to`
 * exclusive), every order with what its customer paid for shipping, what its labels and their
 * insurance cost, and the margin; grouped by shipping method and by carrier. JSON, or CSV with
 * `?format=csv` (or `Accept: text/csv`), one line per order destination.
 */
export function reconciliationApi(deps: { repos: Repos }): Router {
  const reconciliation = new ReconciliationService(deps.repos);
  const router = Router();
  router.get(
    '/admin/api/stores/:storeId/reconciliation',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const { format, ...query } = req.query;
      if (format !== undefined && format !== 'csv' && format !== 'json') {
        throw new HttpProblem(400, 'bad_format', 'format is csv or json');
      }
      const period = ReconciliationPeriodSchema.safeParse(query);
      if (!period.success) {
        throw new HttpProblem(
          400,
          'bad_period',
          'give from and to as dates (2026-11-01) or date-times with an offset',
          period.error.issues.map(
            (issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`,
          ),
        );
      }
      const report = await reconciliation.report(storeId, period.data);
      if (wantsCsv(format, req.accepts(['json', 'text/csv']))) {
        const name = `shipping-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
        res.setHeader('content-disposition', `attachment; filename="${name}"`);
        res.type('text/csv; charset=utf-8').send(reconciliationCsv(report));
        return;
      }
      res.json(report);
    }),
  );
  return router;
}
