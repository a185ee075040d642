import type { PageLocale } from './model';

/**
 * Times are shown as the carrier reported them: the wall clock at the checkpoint, with its UTC
 * offset when known, never converted to the server's (or a guessed) zone. The wall-clock fields
 * are formatted as if they were UTC, which makes Intl print them unchanged.
 */

export interface ShownTime {
  /** What the customer reads. */
  text: string;
  /** A valid HTML `datetime` value, or null when the input was not a date we understand. */
  datetime: string | null;
}

interface ParsedTime {
  /** The wall-clock fields as a UTC timestamp. */
  wall: Date;
  hasTime: boolean;
  /** Minutes east of UTC; null when the string carries no offset. */
  offsetMinutes: number | null;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, without the offset. */
  wallText: string;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function parseOffset(text: string): number | null {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function parse(value: string): ParsedTime | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  if (
    wall.getUTCFullYear() !== year ||
    wall.getUTCMonth() !== month - 1 ||
    wall.getUTCDate() !== day
  )
    return null;
  const offsetMinutes = m[7] === undefined ? null : parseOffset(m[7]);
  if (m[7] !== undefined && offsetMinutes === null) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!hasTime) return { wall, hasTime, offsetMinutes: null, wallText: date };
  const time = `${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`}`;
  return { wall, hasTime, offsetMinutes, wallText: `${date}T${time}` };
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `UTC+2`, `UTC-5`, `UTC+5:30`, `UTC`: short, and the same in every language. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest ? `:${pad(rest)}` : ''}`;
}

const INTL_LOCALES: Readonly<Record<PageLocale, string>> = {
  // British English: day-first dates and a 24-hour clock, as the page's European customers expect.
  en: 'en-GB',
  fi: 'fi-FI',
  sv: 'sv-SE',
  de: 'de-DE',
};

const STYLES = {
  eventDateTime: { dateStyle: 'medium', timeStyle: 'short' },
  eventDate: { dateStyle: 'medium' },
  estimateDateTime: { dateStyle: 'full', timeStyle: 'short' },
  estimateDate: { dateStyle: 'full' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof STYLES;

// Building a DateTimeFormat costs far more than using one; there are only 4 × 4 of them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: PageLocale, style: Style): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale] ?? 'en-GB', {
      ...STYLES[style],
      timeZone: 'UTC',
      hourCycle: 'h23',
    });
    formatters.set(key, format);
  }
  return format;
}

function show(
  value: string,
  showOffset: boolean,
  locale: PageLocale,
  dateTimeStyle: Style,
  dateStyle: Style,
): ShownTime {
  const parsed = parse(value);
  if (!parsed) return { text: value, datetime: null };
  const text = formatter(locale, parsed.hasTime ? dateTimeStyle : dateStyle).format(parsed.wall);
  if (!showOffset || parsed.offsetMinutes === null) return { text, datetime: parsed.wallText };
  return {
    text: `${text} (${offsetLabel(parsed.offsetMinutes)})`,
    datetime: `${parsed.wallText}${offsetText(parsed.offsetMinutes)}`,
  };
}

/**
 * A checkpoint's time. `isLocal` events are wall time at the checkpoint with no known offset, so
 * none is shown even if the string happens to carry one.
 */
export function formatEventTime(
  occurredAt: string,
  isLocal: boolean,
  locale: PageLocale,
): ShownTime {
  return show(occurredAt, !isLocal, locale, 'eventDateTime', 'eventDate');
}

/** An estimate: a date alone (`2025-03-07`) or a date-time with its offset. */
export function formatEstimatedDelivery(value: string, locale: PageLocale): ShownTime {
  return show(value, true, locale, 'estimateDateTime', 'estimateDate');
}
