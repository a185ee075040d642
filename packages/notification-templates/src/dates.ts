import type { PageLanguage } from '@shiplink/domain';

/**
 * Dates as the carrier gave them: a date alone (`2025-03-22`) is a day, not midnight UTC, and a
 * date-time is the wall clock where it was reported, with its UTC offset when it carries one.
 * Nothing is converted to the server's or a guessed zone: the wall-clock fields are formatted as
 * if they were UTC, which makes Intl print them unchanged.
 */

export const DATE_STYLES = ['full', 'long', 'medium', 'short'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

interface Parsed {
  /** The wall-clock fields as a UTC instant. */
  wall: Date;
  hasTime: boolean;
  /** Minutes east of UTC; null when the value carries no offset. */
  offsetMinutes: number | null;
}

function parseOffset(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || 0)];
  if (hours > 18 || minutes > 59) return null;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function parse(value: string): Parsed | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  // 2025-02-30 rolls over to March; a date that does not exist is not a date.
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null;
  const offsetMinutes = m[7] === undefined ? null : parseOffset(m[7]);
  if (m[7] !== undefined && offsetMinutes === null) return null;
  return { wall, hasTime: m[4] !== undefined, offsetMinutes };
}

/** `UTC+2`, `UTC-5`, `UTC+5:30`, `UTC`: short, and the same in every language. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

export const INTL_LOCALES: Readonly<Record<PageLanguage, string>> = {
  // British English: day-first dates and a 24-hour clock, as the stores' European customers expect.
  en: 'en-GB',
  fi: 'fi-FI',
  sv: 'sv-SE',
  de: 'de-DE',
};

// Building a DateTimeFormat costs far more than using one; there are at most 4 × 4 × 2 of them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  language: PageLanguage,
  style: DateStyle,
  withTime: boolean,
): Intl.DateTimeFormat {
  const key = `${language}:${style}:${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[language], {
      dateStyle: style,
      ...(withTime ? { timeStyle: 'short', hourCycle: 'h23' } : {}),
      timeZone: 'UTC',
    });
    formatters.set(key, format);
  }
  return format;
}

export function isDateStyle(value: unknown): value is DateStyle {
  return typeof value === 'string' && (DATE_STYLES as readonly string[]).includes(value);
}

/**
 * `value` for a customer reading `language`. Anything that is not an ISO date or date-time comes
 * back as it was (a carrier's free-text estimate is still worth showing).
 */
export function formatDate(
  value: string,
  language: PageLanguage,
  style: DateStyle = 'full',
): string {
  const parsed = parse(value);
  if (!parsed) return value;
  const text = formatter(language, style, parsed.hasTime).format(parsed.wall);
  return parsed.hasTime && parsed.offsetMinutes !== null
    ? `${text} (${offsetLabel(parsed.offsetMinutes)})`
    : text;
}
