/* The arithmetic of the console's SVG charts: axis ends, ticks, bar lengths, line points. */

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`, so an axis ends on a round number. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((each) => each * power >= value - power * 1e-9) ?? 10;
  return step * power;
}

/** `count` equal steps from 0 to `max`, both ends included. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/**
 * The ticks of an axis of counts, which fall on whole numbers only: the first of 4, 5, 2 or 1
 * steps that divides `max` (an axis end from `niceMax`, so one of them always does).
 */
export function wholeTicks(max: number): number[] {
  const count = [4, 5, 2, 1].find((each) => Number.isInteger(max / each)) ?? 1;
  return ticks(max, count);
}

/** How long a bar for `value` is on an axis of `length` ending at `max` (0 when unknown). */
export function barLength(value: number | null | undefined, max: number, length: number): number {
  if (value === null || value === undefined || !Number.isFinite(value) || max <= 0) return 0;
  return Math.max(0, Math.min(length, (value / max) * length));
}

/**
 * The polylines of a series across a `width` × `height` plot (y grows downwards): one per run of
 * known values, since a gap in the data is no straight line.
 */
export function lineSegments(
  values: readonly (number | null)[],
  width: number,
  height: number,
  max: number,
): string[] {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    const x = values.length > 1 ? i * step : width / 2;
    const y = height - barLength(value, max, height);
    current.push(`${round(x)},${round(y)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  return segments;
}

const round = (value: number) => Math.round(value * 10) / 10;
