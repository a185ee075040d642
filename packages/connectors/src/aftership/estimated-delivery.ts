import type { AfterShipTracking } from './schemas';

const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const dateIn = (value: unknown): string | undefined =>
  typeof value === 'string' && DATE.test(value.trim()) ? value.trim() : undefined;

function fromObject(value: unknown, fields: readonly string[]): string | undefined {
  if (!value || typeof value !== 'object') return dateIn(value);
  const record = value as Record<string, unknown>;
  for (const field of fields) {
    const found = dateIn(record[field]);
    if (found) return found;
  }
  return undefined;
}

/**
 * The best estimate of delivery AfterShip gives: the carrier's latest estimate (`datetime`, else
 * the end of its range), else AfterShip's own prediction, else the legacy `expected_delivery`.
 * Null when there is none or it is not a date.
 */
export function estimatedDelivery(tracking: AfterShipTracking): string | null {
  return (
    fromObject(tracking.latest_estimated_delivery, ['datetime', 'datetime_max', 'datetime_min']) ??
    fromObject(tracking.aftership_estimated_delivery_date, [
      'estimated_delivery_date',
      'estimated_delivery_date_max',
    ]) ??
    dateIn(tracking.expected_delivery) ??
    null
  );
}
