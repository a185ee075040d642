/**
 * ShipStation V1 writes and reads dates without an offset (`2015-06-29T08:46:27.0000000`) in the
 * account's time, which is US Pacific in practice. Sending UTC wall time instead would shift delta
 * filters by 7–8 hours and silently skip changes, so every conversion goes through this zone.
 */
export const SHIPSTATION_TIME_ZONE = 'America/Los_Angeles';

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallTime(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Offset of `timeZone` from UTC at the instant, in ms (Pacific: -7 h or -8 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(wallTime(whole, timeZone)) - whole;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function toEpoch(value: Date | string): number {
  const epoch = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(epoch)) throw new RangeError(`not a date: ${String(value)}`);
  return epoch;
}

/** `2015-06-29T08:46:27.0000000` in the account's zone. */
export function toShipStationDateTime(
  value: Date | string,
  timeZone = SHIPSTATION_TIME_ZONE,
): string {
  const epoch = toEpoch(value);
  const wall = wallTime(epoch, timeZone);
  const millis = ((epoch % 1000) + 1000) % 1000;
  return (
    `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T` +
    `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(millis, 3)}0000`
  );
}

/** `2015-06-29`, the account-zone calendar date (shipDate). */
export function toShipStationDate(value: Date | string, timeZone = SHIPSTATION_TIME_ZONE): string {
  return toShipStationDateTime(value, timeZone).slice(0, 10);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

/**
 * Reads a ShipStation date. Values without an offset are account-zone wall time; values with
 * `Z` or an offset (newer doc examples send those) are taken as they are. Undefined when unreadable.
 */
export function parseShipStationDateTime(
  value: string,
  timeZone = SHIPSTATION_TIME_ZONE,
): Date | undefined {
  const trimmed = value.trim();
  const match = LOCAL.exec(trimmed);
  if (!match) {
    if (!/[zZ]$|[+-]\d{2}:?\d{2}$/.test(trimmed)) return undefined;
    const epoch = Date.parse(trimmed);
    return Number.isFinite(epoch) ? new Date(epoch) : undefined;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = match;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Date.UTC rolls 13/45 over into the next year; a real date survives the round trip.
  const check = new Date(guess);
  if (
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi)
  ) {
    return undefined;
  }
  // Two passes settle the offset around daylight-saving changes.
  const first = guess - offsetAt(guess, timeZone);
  const epoch = guess - offsetAt(first, timeZone);
  const millis = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  return new Date(epoch + millis);
}
