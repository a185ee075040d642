/* Order statistics and rates for reports: pure, and the same in every report that shows them. */

/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` values, interpolated linearly between the
 * two nearest ranks (PostgreSQL's `percentile_cont`, a spreadsheet's PERCENTILE.INC); null for
 * no values.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0..1`);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Numbers in ascending order, as `quantile` wants them (a copy: the input is left alone). */
export const sortedAscending = (values: readonly number[]): number[] =>
  [...values].sort((a, b) => a - b);

/** `part / whole`, or null when nothing could have counted (a rate of nothing is no rate). */
export function ratio(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return part / whole;
}
