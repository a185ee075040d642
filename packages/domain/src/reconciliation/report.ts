import { csvDocument } from '../csv';
import { moneyToNumber, type Money } from '../money';

/** One label bought for a destination of an order (voided labels are not costs). */
export interface LabelCost {
  /** The carrier code the fulfilment system gave (`ups`, `fedex`); null when it gave none. */
  carrier: string | null;
  service: string | null;
  /** What the label cost, without insurance. */
  cost: Money | null;
  insurance: Money | null;
  shippedAt: string | null;
}

/** One destination of an order, with what the customer paid to ship it and what it cost. */
export interface ShippingLedgerEntry {
  orderNumber: string;
  orderRef: string;
  placedAt: string;
  currency: string;
  /** The shipping method the customer chose. */
  method: string | null;
  /** What the customer paid for shipping to this destination. */
  paid: Money;
  labels: LabelCost[];
}

export interface ReconciliationRow {
  orderNumber: string;
  orderRef: string;
  placedAt: string;
  currency: string;
  method: string;
  carriers: string[];
  labels: number;
  paid: string;
  labelCost: string;
  insurance: string;
  /** Paid less what the labels and insurance cost: negative when shipping lost money. */
  margin: string;
}

export interface ReconciliationGroup {
  key: string;
  currency: string;
  orders: number;
  labels: number;
  paid: string;
  labelCost: string;
  insurance: string;
  margin: string;
}

export interface ReconciliationReport {
  rows: ReconciliationRow[];
  byMethod: ReconciliationGroup[];
  byCarrier: ReconciliationGroup[];
  totals: ReconciliationGroup[];
}

/** Unknown values are grouped under a name a person reads, not an empty string. */
export const UNKNOWN_METHOD = '(no method)';
export const UNKNOWN_CARRIER = '(no carrier)';

const cents = (value: Money | null) =>
  value === null ? 0 : Math.round(moneyToNumber(value) * 100);
const text = (value: number) => (value / 100).toFixed(2);

interface Sums {
  orders: Set<string>;
  labels: number;
  paid: number;
  cost: number;
  insurance: number;
}

class Groups {
  private readonly sums = new Map<string, Sums & { key: string; currency: string }>();

  add(key: string, currency: string, order: string, part: Omit<Sums, 'orders'>): void {
    const id = `${key}\u0000${currency}`;
    const sums = this.sums.get(id) ?? {
      key,
      currency,
      orders: new Set<string>(),
      labels: 0,
      paid: 0,
      cost: 0,
      insurance: 0,
    };
    sums.orders.add(order);
    sums.labels += part.labels;
    sums.paid += part.paid;
    sums.cost += part.cost;
    sums.insurance += part.insurance;
    this.sums.set(id, sums);
  }

  list(): ReconciliationGroup[] {
    return [...this.sums.values()]
      .sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency))
      .map((s) => ({
        key: s.key,
        currency: s.currency,
        orders: s.orders.size,
        labels: s.labels,
        paid: text(s.paid),
        labelCost: text(s.cost),
        insurance: text(s.insurance),
        margin: text(s.paid - s.cost - s.insurance),
      }));
  }
}

/** Splits `total` cents over `count` parts that add up to it exactly. */
function split(total: number, count: number): number[] {
  const base = Math.trunc(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
}

/**
 * Shipping paid against shipping cost, per order (destination), per method the customer chose,
 * and per carrier that carried it. Amounts are summed per currency, never converted. A carrier
 * is credited an even share of what the customer paid for each label it carried, so that the
 * carrier groups add up to the same totals as the method groups.
 */
export function reconcileShipping(entries: readonly ShippingLedgerEntry[]): ReconciliationReport {
  const byMethod = new Groups();
  const byCarrier = new Groups();
  const totals = new Groups();
  const rows = entries.map((entry): ReconciliationRow => {
    const method = entry.method?.trim() || UNKNOWN_METHOD;
    const paid = cents(entry.paid);
    const cost = entry.labels.reduce((sum, label) => sum + cents(label.cost), 0);
    const insurance = entry.labels.reduce((sum, label) => sum + cents(label.insurance), 0);
    const order = `${entry.orderRef}\u0000${entry.currency}`;
    const part = { labels: entry.labels.length, paid, cost, insurance };
    byMethod.add(method, entry.currency, order, part);
    totals.add('all', entry.currency, order, part);
    const shares = entry.labels.length ? split(paid, entry.labels.length) : [];
    entry.labels.forEach((label, i) => {
      byCarrier.add(label.carrier?.trim() || UNKNOWN_CARRIER, entry.currency, order, {
        labels: 1,
        paid: shares[i] ?? 0,
        cost: cents(label.cost),
        insurance: cents(label.insurance),
      });
    });
    return {
      orderNumber: entry.orderNumber,
      orderRef: entry.orderRef,
      placedAt: entry.placedAt,
      currency: entry.currency,
      method,
      carriers: [...new Set(entry.labels.map((l) => l.carrier?.trim() || UNKNOWN_CARRIER))],
      labels: entry.labels.length,
      paid: text(paid),
      labelCost: text(cost),
      insurance: text(insurance),
      margin: text(paid - cost - insurance),
    };
  });
  return { rows, byMethod: byMethod.list(), byCarrier: byCarrier.list(), totals: totals.list() };
}

const CSV_COLUMNS = [
  'orderNumber',
  'orderRef',
  'placedAt',
  'currency',
  'method',
  'carriers',
  'labels',
  'paid',
  'labelCost',
  'insurance',
  'margin',
] as const;

/** The report's rows as CSV, one line per order destination, with a header line. */
export function reconciliationCsv(report: ReconciliationReport): string {
  return csvDocument(
    CSV_COLUMNS,
    report.rows.map((row) => ({ ...row, carriers: row.carriers.join(' ') })),
  );
}
