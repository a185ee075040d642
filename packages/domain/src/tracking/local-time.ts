/**
 * Carriers often report scan times as local wall time without an offset. To order such events
 * against others we need an instant, so the zone is inferred from the scan's own location —
 * never from anything that changes between re-sends, so checkpoint identities stay stable:
 * - a country that lies in one zone (or nearly: the populous one is taken), or
 * - for the US, Canada and Australia, the state/province code (split states take their
 *   majority zone, at worst an hour off).
 * Anything else falls back to reading the wall time as UTC — deterministic, but off by the
 * place's UTC offset. Zone rules (DST) come from the runtime's ICU data, no I/O.
 */

// Country (alpha-3 and alpha-2) → zone, for countries with one zone in practice.
const COUNTRY_ZONES = Object.fromEntries(
  (
    'FIN|FI:Europe/Helsinki SWE|SE:Europe/Stockholm NOR|NO:Europe/Oslo DNK|DK:Europe/Copenhagen ' +
    'ISL|IS:Atlantic/Reykjavik EST|EE:Europe/Tallinn LVA|LV:Europe/Riga LTU|LT:Europe/Vilnius ' +
    'DEU|DE:Europe/Berlin NLD|NL:Europe/Amsterdam BEL|BE:Europe/Brussels LUX|LU:Europe/Luxembourg ' +
    'FRA|FR:Europe/Paris ESP|ES:Europe/Madrid PRT|PT:Europe/Lisbon ITA|IT:Europe/Rome ' +
    'AUT|AT:Europe/Vienna CHE|CH:Europe/Zurich POL|PL:Europe/Warsaw CZE|CZ:Europe/Prague ' +
    'SVK|SK:Europe/Bratislava HUN|HU:Europe/Budapest SVN|SI:Europe/Ljubljana HRV|HR:Europe/Zagreb ' +
    'ROU|RO:Europe/Bucharest BGR|BG:Europe/Sofia GRC|GR:Europe/Athens IRL|IE:Europe/Dublin ' +
    'GBR|GB:Europe/London TUR|TR:Europe/Istanbul ISR|IL:Asia/Jerusalem ARE|AE:Asia/Dubai ' +
    'SAU|SA:Asia/Riyadh IND|IN:Asia/Kolkata CHN|CN:Asia/Shanghai HKG|HK:Asia/Hong_Kong ' +
    'TWN|TW:Asia/Taipei JPN|JP:Asia/Tokyo KOR|KR:Asia/Seoul SGP|SG:Asia/Singapore ' +
    'MYS|MY:Asia/Kuala_Lumpur THA|TH:Asia/Bangkok VNM|VN:Asia/Ho_Chi_Minh PHL|PH:Asia/Manila ' +
    'NZL|NZ:Pacific/Auckland ZAF|ZA:Africa/Johannesburg PRI|PR:America/Puerto_Rico'
  )
    .split(' ')
    .flatMap((entry) => {
      const [codes = '', zone = ''] = entry.split(':');
      return codes.split('|').map((code) => [code, zone] as const);
    }),
);

const zones = (spec: string): Record<string, string> =>
  Object.fromEntries(
    spec.split(' ').flatMap((group) => {
      const [zone = '', codes = ''] = group.split('=');
      return codes.split(',').map((code) => [code, zone] as const);
    }),
  );

const REGION_ZONES: Record<string, Record<string, string>> = {
  USA: zones(
    'America/New_York=CT,DE,DC,FL,GA,ME,MD,MA,NH,NJ,NY,NC,OH,PA,RI,SC,VT,VA,WV,MI,IN,KY ' +
      'America/Chicago=AL,AR,IL,IA,LA,MN,MS,MO,OK,WI,TX,KS,NE,ND,SD,TN ' +
      'America/Denver=CO,MT,NM,UT,WY,ID America/Phoenix=AZ America/Los_Angeles=CA,NV,OR,WA ' +
      'America/Anchorage=AK Pacific/Honolulu=HI America/Puerto_Rico=PR',
  ),
  CAN: zones(
    'America/Toronto=ON,QC America/Vancouver=BC America/Edmonton=AB,NT America/Winnipeg=MB ' +
      'America/Regina=SK America/Halifax=NS,NB,PE America/St_Johns=NL America/Whitehorse=YT ' +
      'America/Iqaluit=NU',
  ),
  AUS: zones(
    'Australia/Sydney=NSW,ACT Australia/Melbourne=VIC Australia/Brisbane=QLD ' +
      'Australia/Adelaide=SA Australia/Perth=WA Australia/Hobart=TAS Australia/Darwin=NT',
  ),
};
const ALPHA2_MULTI: Record<string, string> = { US: 'USA', CA: 'CAN', AU: 'AUS' };

export interface PlaceHint {
  countryRegion?: string | null;
  state?: string | null;
}

/** The IANA zone a place lies in, when the tables can tell; undefined otherwise. */
export function zoneForPlace(place: PlaceHint | null | undefined): string | undefined {
  const country = place?.countryRegion?.trim().toUpperCase();
  if (!country) return undefined;
  const multi = REGION_ZONES[ALPHA2_MULTI[country] ?? country];
  if (multi) {
    const state = place?.state?.trim().toUpperCase();
    return state ? multi[state] : undefined;
  }
  return COUNTRY_ZONES[country];
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at an instant. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  const part = (type: string, parts: Intl.DateTimeFormatPart[]) =>
    Number(parts.find((p) => p.type === type)?.value);
  const parts = format.formatToParts(new Date(utcMs));
  const wall = Date.UTC(
    part('year', parts),
    part('month', parts) - 1,
    part('day', parts),
    part('hour', parts),
    part('minute', parts),
    part('second', parts),
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant (ISO, `Z`) of a local wall time (`YYYY-MM-DDTHH:MM[:SS[.sss]]`): in the zone
 * of `place` when it can be inferred, else the wall time read as UTC.
 */
export function localWallTimeToUtc(localDateTime: string, place?: PlaceHint | null): string {
  const asUtc = new Date(`${localDateTime}Z`).getTime();
  if (Number.isNaN(asUtc)) throw new RangeError(`not a local date-time: ${localDateTime}`);
  const zone = zoneForPlace(place);
  if (!zone) return new Date(asUtc).toISOString();
  // Two passes settle the offset around DST changes (a skipped hour resolves forward).
  const first = asUtc - zoneOffsetMinutes(zone, asUtc) * 60_000;
  const second = asUtc - zoneOffsetMinutes(zone, first) * 60_000;
  return new Date(second).toISOString();
}
