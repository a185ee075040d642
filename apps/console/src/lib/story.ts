/* An order's story as the API answers it, cut into what the screen shows: one list, tables. */
import { recordRows } from './table';

/** One thing that happened to the order, from the story's chronological `timeline`. */
export interface StoryEntry {
  at: string;
  section: string;
  title: string;
  detail: string | null;
}

export interface StoryTable {
  key: string;
  title: string;
  rows: Record<string, unknown>[];
}

/** The sections shown as tables, in this order; nested ones by their path (`fulfilment.orders`). */
const TABLES: readonly [string, string][] = [
  ['events', 'Events'],
  ['calls', 'Provider calls'],
  ['fulfilment.orders', 'Fulfilment orders'],
  ['fulfilment.exceptions', 'Fulfilment exceptions'],
  ['fulfilment.reviews', 'Reviews'],
  ['shipments', 'Shipments'],
  ['consignments', 'Consignments'],
  ['notifications', 'Notifications'],
  ['returns', 'Returns'],
  ['writebacks', 'Store updates'],
];

/** Shown on their own: the order's facts, the chronological list and the parcels' timelines. */
const OWN_PLACE = new Set(['order', 'timeline', 'tracking']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const titled = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function at(story: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), story);
}

/** The story's entries, oldest first; anything not shaped like an entry is left out. */
export function storyEntries(story: Record<string, unknown>): StoryEntry[] {
  const timeline = Array.isArray(story.timeline) ? story.timeline : [];
  return timeline
    .filter(
      (entry): entry is StoryEntry =>
        isRecord(entry) && typeof entry.at === 'string' && typeof entry.title === 'string',
    )
    .map((entry) => ({
      at: entry.at,
      section: typeof entry.section === 'string' ? entry.section : '',
      title: entry.title,
      detail: typeof entry.detail === 'string' ? entry.detail : null,
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Every non-empty list of records in the story as a table: the known sections first, then any
 * other the API answers (at the top or one level down), titled from their keys.
 */
export function storyTables(story: Record<string, unknown>): StoryTable[] {
  const known = new Set(TABLES.map(([path]) => path));
  const others: [string, string][] = [];
  for (const [key, value] of Object.entries(story)) {
    if (OWN_PLACE.has(key)) continue;
    if (Array.isArray(value) && !known.has(key)) others.push([key, titled(words(key))]);
    if (!isRecord(value)) continue;
    for (const inner of Object.keys(value)) {
      const path = `${key}.${inner}`;
      if (!known.has(path)) others.push([path, titled(`${words(key)} ${words(inner)}`)]);
    }
  }
  return [...TABLES, ...others].flatMap(([key, title]) => {
    const rows = recordRows(at(story, key));
    return rows ? [{ key, title, rows }] : [];
  });
}

export interface ParcelTimeline {
  title: string;
  rows: Record<string, unknown>[];
}

/** Each parcel's checkpoints, newest last, under its tracking number and current status. */
export function parcelTimelines(story: Record<string, unknown>): ParcelTimeline[] {
  const parcels = recordRows(story.tracking) ?? [];
  return parcels.map((parcel) => {
    const number = typeof parcel.trackingNumber === 'string' ? parcel.trackingNumber : 'no number';
    const status = typeof parcel.status === 'string' ? parcel.status.replace(/_/g, ' ') : '';
    const checkpoints = recordRows(parcel.checkpoints) ?? [];
    return {
      title: `Parcel ${number}${status ? `: ${status}` : ''}`,
      rows: checkpoints.map((checkpoint) => ({
        occurredAt: checkpoint.occurredAtUtc ?? checkpoint.occurredAt,
        status: checkpoint.status,
        subStatus: checkpoint.subStatus,
        message: checkpoint.message,
        location: checkpoint.location,
      })),
    };
  });
}
