/** The recipient's time zone by country, where a country has one (else the store's default). */
const TIME_ZONES: Readonly<Record<string, string>> = {
  FI: 'Europe/Helsinki',
  AX: 'Europe/Mariehamn',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  DE: 'Europe/Berlin',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  FR: 'Europe/Paris',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
};

export function timeZoneOf(country: string | null, fallback: string): string {
  return (country && TIME_ZONES[country.toUpperCase()]) || fallback;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The wall-clock minutes of the day at `at` in `timeZone`. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/**
 * When a message due at `at` may be sent to someone in `timeZone`: `at` itself outside the quiet
 * hours, else the first minute after they end (local time; the window may cross midnight).
 */
export function afterQuietHours(
  at: Date,
  timeZone: string,
  quiet: { start: string; end: string },
): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const now = localMinutes(at, timeZone);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  const wait = (end - now + 24 * 60) % (24 * 60);
  const next = new Date(at.getTime() + wait * 60_000);
  // Whole minutes: the local clock reads `end` at the start of that minute.
  next.setUTCSeconds(0, 0);
  return next;
}
