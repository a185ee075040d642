/* Periods as people pick them (whole days, both ends included) and as the API takes them. */

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of an instant, in UTC: the day the API's midnight boundaries count in. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

export interface DayRange {
  /** First day, included (`YYYY-MM-DD`). */
  from: string;
  /** Last day, included (`YYYY-MM-DD`). */
  to: string;
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: Date, days: number): DayRange {
  return { from: isoDate(new Date(today.getTime() - (days - 1) * DAY_MS)), to: isoDate(today) };
}

export type PeriodQuery = { ok: true; from: string; to: string } | { ok: false; message: string };

/**
 * The API's period for a range of whole days: `from` at the first day's midnight (UTC), `to` at
 * the midnight after the last day, since the API excludes `to`.
 */
export function periodQuery(range: DayRange, maxDays?: number): PeriodQuery {
  if (!DATE.test(range.from) || !DATE.test(range.to)) {
    return { ok: false, message: 'Give both dates as YYYY-MM-DD.' };
  }
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`) + DAY_MS;
  // Date.parse rolls 31 February over into March: a real date reads back as itself.
  const real = (day: string, time: number) =>
    !Number.isNaN(time) && isoDate(new Date(time)) === day;
  if (!real(range.from, from) || !real(range.to, to - DAY_MS)) {
    return { ok: false, message: 'Not a real date.' };
  }
  if (to <= from) return { ok: false, message: 'The last day comes before the first.' };
  if (maxDays !== undefined && to - from > maxDays * DAY_MS) {
    return { ok: false, message: `A period covers at most ${maxDays} days.` };
  }
  return { ok: true, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/**
 * A `datetime-local` field's value (the reader's own clock) as an ISO instant, or undefined for
 * an empty or unreadable field.
 */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * One end of a filter's day range as an instant: the day's first moment (`start`), or the
 * first moment after it (`end`, the API's excluded end). Undefined for an empty field.
 */
export function dayBoundary(day: string, end: 'start' | 'end'): string | undefined {
  if (!DATE.test(day)) return undefined;
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time) || isoDate(new Date(time)) !== day) return undefined;
  return new Date(end === 'start' ? time : time + DAY_MS).toISOString();
}
