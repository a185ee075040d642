/* How values read on screen: one wording everywhere, and a dash for what is not known. */

export const NONE = '—';

/** A date-time in the reader's own zone (or the one given), e.g. "3 Nov 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return NONE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A rate from 0 to 1 as a percentage with one decimal. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return NONE;
  return `${(rate * 100).toFixed(1)} %`;
}

/** Transit hours, with days for long ones: "36.0 h (1.5 d)". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return NONE;
  const text = `${hours.toFixed(1)} h`;
  return hours >= 24 ? `${text} (${(hours / 24).toFixed(1)} d)` : text;
}

/** A call's or a step's duration: "850 ms", "2.4 s", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return NONE;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** "1 dead letter", "3 dead letters". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Any cell value as text: instants as date-times, objects as compact JSON, nothing as a dash. */
export function cellText(value: unknown, timeZone?: string): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (typeof value === 'string')
    return ISO_INSTANT.test(value) ? formatDateTime(value, timeZone) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Words from a code: `awaiting_approval` → "awaiting approval". */
export const words = (code: string): string => code.replace(/[_.-]+/g, ' ').trim();

/** Hours for a chart's small labels: "36.0 h". */
export function formatHoursShort(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return NONE;
  return `${hours.toFixed(hours >= 100 ? 0 : 1)} h`;
}
