import { PICKUP_POINTS, type PickupPoint } from './pickup-points-seed';
import { FINNISH_POSTCODE, POSTCODE_CENTRES } from './postcode-locations';
import { shippingMethod } from './shipping-methods';

/** What `/pickup-points/search` was asked, its parameters read. */
export interface PickupPointSearch {
  postcode?: string;
  /** `address` (or `street_address`); a postcode inside it is used when none is given. */
  address?: string;
  /** Free text (`Itsenäisyydenkatu 2, 33100 Tampere`); when given, address and postcode are ignored. */
  query?: string;
  country: string;
  /** `service_provider`: product codes or provider names, comma separated; empty = every one. */
  providers: string[];
  limit: number;
  /** Not in Pakettikauppa's parameters: a simulator extension for searching by coordinates. */
  latitude?: number;
  longitude?: number;
}

/** `limit` when none is given. */
export const DEFAULT_PICKUP_LIMIT = 5;
/** Pakettikauppa's largest `limit` (the smallest is 1). */
export const MAX_PICKUP_LIMIT = 15;

type Point = readonly [latitude: number, longitude: number];

const EARTH_RADIUS_KM = 6_371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm([lat1, lon1]: Point, [lat2, lon2]: Point): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

const commonPrefix = (a: string, b: string) => {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
};

/** Where a postcode is: its own centre, else the mean of the places sharing its longest prefix. */
export function locatePostcode(postcode: string): Point | undefined {
  const known = POSTCODE_CENTRES[postcode];
  if (known) return known;
  const places: { code: string; at: Point }[] = [
    ...Object.entries(POSTCODE_CENTRES).map(([code, at]) => ({ code, at })),
    ...PICKUP_POINTS.map((point) => ({
      code: point.postcode,
      at: [point.latitude, point.longitude] as const,
    })),
  ];
  let best = 0;
  let matches: Point[] = [];
  for (const place of places) {
    const length = commonPrefix(postcode, place.code);
    if (length === 0 || length < best) continue;
    if (length > best) {
      best = length;
      matches = [];
    }
    matches.push(place.at);
  }
  if (matches.length === 0) return undefined;
  const mean = (index: 0 | 1) => matches.reduce((sum, at) => sum + at[index], 0) / matches.length;
  return [mean(0), mean(1)];
}

const postcodeIn = (text: string | undefined) => text?.match(/\b(\d{5})\b/)?.[1];

/** A seeded point whose street the text names: the simulator's stand-in for geocoding. */
function streetMatch(text: string): Point | undefined {
  const lower = text.toLowerCase();
  const point = PICKUP_POINTS.find((candidate) =>
    lower.includes(candidate.streetAddress.toLowerCase()),
  );
  return point ? [point.latitude, point.longitude] : undefined;
}

function originOf(search: PickupPointSearch): Point | undefined {
  if (search.latitude !== undefined && search.longitude !== undefined) {
    return [search.latitude, search.longitude];
  }
  const text = search.query ?? search.address;
  const postcode = search.query
    ? postcodeIn(search.query)
    : search.postcode?.trim() || postcodeIn(search.address);
  if (postcode && FINNISH_POSTCODE.test(postcode)) return locatePostcode(postcode);
  return text ? streetMatch(text) : undefined;
}

/** Whether the `service_provider` filter lets Posti's points through. */
function servesPosti(providers: string[]): boolean {
  if (providers.length === 0) return true;
  return providers.some(
    (provider) => provider.toLowerCase() === 'posti' || shippingMethod(provider) !== undefined,
  );
}

/** The points nearest to where the search points, nearest first, at most `limit`. */
export function searchPickupPoints(search: PickupPointSearch): PickupPoint[] {
  if (search.country.toUpperCase() !== 'FI' || !servesPosti(search.providers)) return [];
  const origin = originOf(search);
  if (!origin) return [];
  return PICKUP_POINTS.map((point) => ({
    point,
    km: distanceKm(origin, [point.latitude, point.longitude]),
  }))
    .sort((a, b) => a.km - b.km || a.point.id.localeCompare(b.point.id))
    .slice(0, search.limit)
    .map(({ point }) => point);
}

/** The seeded point with `id`. */
export const findPickupPoint = (id: string): PickupPoint | undefined =>
  PICKUP_POINTS.find((point) => point.id === id.trim());

/** A point as `/pickup-points/search` lists it (coordinates as strings, as Pakettikauppa sends them). */
export function pickupPointJson(point: PickupPoint, logoUrl: string) {
  return {
    provider: 'Posti',
    pickup_point_id: point.id,
    name: point.name,
    street_address: point.streetAddress,
    postcode: point.postcode,
    city: point.city,
    country: 'FI',
    description: point.openingHours,
    provider_logo: logoUrl,
    map_longitude: point.longitude.toFixed(6),
    map_latitude: point.latitude.toFixed(6),
  };
}

/** A point as `/pickup-point/info` answers it: the search fields plus provider code and type. */
export function pickupPointInfoJson(point: PickupPoint, logoUrl: string) {
  const { provider, provider_logo, ...rest } = pickupPointJson(point, logoUrl);
  return { provider, provider_code: 'Posti', provider_logo, ...rest, point_type: point.type };
}
