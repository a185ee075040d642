import { localWallTimeToUtc, type PlaceHint } from '@shiplink/domain';

export interface CheckpointTime {
  /** ISO 8601 with offset, or the local wall time when the carrier gave none. */
  occurredAt: string;
  occurredAtIsLocal: boolean;
  occurredAtUtc: string;
}

// Date, optional time (seconds and fraction optional), optional offset: the forms carriers send
// through AfterShip, e.g. `2025-01-10T09:15:00+08:00`, `2025-01-10T09:15:00`, `2025-01-10`.
const PATTERN =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function normalizeOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * Reads AfterShip's `checkpoint_time`. Without an offset the wall time is kept as local, and
 * `occurredAtUtc` places it in the zone of the checkpoint's own country/state when that is
 * known, else reads it as UTC (the domain's `localWallTimeToUtc`). Only the checkpoint's own
 * fields are used, so the value — and the checkpoint's identity — is the same on every re-send.
 * Undefined for anything that is not a real date-time.
 */
export function parseCheckpointTime(
  raw: string | null | undefined,
  place?: PlaceHint,
): CheckpointTime | undefined {
  const match = raw ? PATTERN.exec(raw.trim()) : null;
  if (!match) return undefined;
  const [, date, hoursMinutes = '00:00', seconds = '00', fraction, offset] = match;
  const millis = fraction ? `.${fraction.padEnd(3, '0').slice(0, 3)}` : '';
  const wall = `${date}T${hoursMinutes}:${seconds}${millis}`;
  const occurredAt = offset ? `${wall}${normalizeOffset(offset)}` : wall;
  // The wall time read as UTC rejects impossible dates (Feb 30, hour 25) the pattern lets through.
  const asUtc = new Date(`${wall}Z`);
  if (Number.isNaN(asUtc.getTime()) || asUtc.toISOString().slice(0, 10) !== date) return undefined;
  const instant = offset ? new Date(occurredAt) : asUtc;
  if (Number.isNaN(instant.getTime())) return undefined;
  return {
    occurredAt,
    occurredAtIsLocal: offset === undefined,
    occurredAtUtc: offset ? instant.toISOString() : localWallTimeToUtc(wall, place),
  };
}
