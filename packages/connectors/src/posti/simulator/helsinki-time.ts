/**
 * Posti answers instants as `YYYY-MM-DD HH:MM:SS` in Finnish local time (Europe/Helsinki, EET/EEST,
 * no offset given); the Swedish locale happens to print exactly that shape.
 */
const HELSINKI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `ms` as Posti writes it: `2016-09-30 17:34:00`, Helsinki wall-clock time. */
export function helsinkiDateTime(ms: number): string {
  const parts = Object.fromEntries(
    HELSINKI.formatToParts(new Date(ms)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
