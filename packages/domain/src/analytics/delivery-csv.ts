import { csvDocument } from '../csv';
import type { DeliveryMetrics, DeliveryRow } from './delivery';

const COLUMNS = [
  'key',
  'label',
  'parcels',
  'delivered',
  'transitHoursMedian',
  'transitHoursP90',
  'onTimeRate',
  'exceptionRate',
  'failedAttemptRate',
  'returnRate',
] as const;

/** The totals line's key; group keys are slugs, codes and ids, never this. */
export const TOTALS_KEY = '(total)';

/**
 * A delivery report as CSV: one line per group, then the totals. Rates are fractions (0.9512),
 * an empty cell where there was nothing to count.
 */
export function deliveryCsv(report: { rows: DeliveryRow[]; totals: DeliveryMetrics }): string {
  return csvDocument(COLUMNS, [
    ...report.rows,
    { key: TOTALS_KEY, label: 'All parcels', ...report.totals },
  ]);
}
