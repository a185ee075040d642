import { reduceTimeline, TrackingEventSchema } from '@shiplink/domain';
import { deliveredEvents, TRACKING_CODE } from './fixtures/events';
import { PostiStatusEventSchema, type PostiStatusEventInput } from './schemas';
import {
  parsePostiTimestamp,
  postiLocation,
  postiSnapshot,
  postiTimeline,
  postiTimelineEntry,
  postiTrackingUrl,
} from './timeline';

const events = deliveredEvents.map((event) => PostiStatusEventSchema.parse(event));
const parse = (event: PostiStatusEventInput) => PostiStatusEventSchema.parse(event);

describe('parsePostiTimestamp', () => {
  it.each([
    ['2025-07-01 12:00:00', '2025-07-01T12:00:00+03:00', '2025-07-01T09:00:00.000Z'],
    ['2025-01-15 08:30:05', '2025-01-15T08:30:05+02:00', '2025-01-15T06:30:05.000Z'],
    ['2016-09-30 17:34', '2016-09-30T17:34:00+03:00', '2016-09-30T14:34:00.000Z'],
    // Spring forward in Helsinki (03:00 → 04:00): a wall time in the gap moves forward an hour.
    ['2025-03-30 03:30:00', '2025-03-30T04:30:00+03:00', '2025-03-30T01:30:00.000Z'],
  ])('reads %s as Finnish time %s', (raw, occurredAt, occurredAtUtc) => {
    expect(parsePostiTimestamp(raw)).toEqual({
      occurredAt,
      occurredAtIsLocal: false,
      occurredAtUtc,
    });
  });

  it.each([
    '',
    null,
    '2025-02-30 10:00:00',
    '2025-01-01 25:00:00',
    '2025-01-01T10:00:00+02:00',
    'yesterday',
  ])('refuses %p', (raw) => {
    expect(parsePostiTimestamp(raw)).toBeUndefined();
  });
});

describe('Posti timeline', () => {
  it('turns every event into a valid canonical event, oldest first', () => {
    const entries = postiTimeline(TRACKING_CODE, events);
    expect(entries.map((entry) => entry.event.rawCode)).toEqual(['68', '13', '31', '71', '22']);
    for (const entry of entries)
      expect(TrackingEventSchema.parse(entry.event)).toEqual(entry.event);
    expect(entries.at(-1)!.event).toMatchObject({
      status: 'delivered',
      subStatus: 'posti:22',
      occurredAt: '2025-03-05T14:02:11+02:00',
      occurredAtUtc: '2025-03-05T12:02:11.000Z',
      message: 'Item has been handed over to the recipient',
      location: {
        city: 'HELSINKI',
        state: null,
        postalCode: '00100',
        countryRegion: 'FI',
        raw: null,
      },
      source: 'posti',
      mappingVersion: 'posti.1',
    });
    expect(reduceTimeline(entries.map((entry) => entry.event)).current?.status).toBe('delivered');
  });

  it('gives the same identities to the same events whichever feed they come from', () => {
    const polled = postiTimeline(TRACKING_CODE, events);
    const called = events.map((event) =>
      postiTimelineEntry(TRACKING_CODE, { ...event, message_created: '2025-03-06 01:00:00' }),
    );
    expect(new Set(polled.map((entry) => entry.identity))).toEqual(
      new Set(called.map((entry) => entry!.identity)),
    );
    expect(new Set(polled.map((entry) => entry.identity)).size).toBe(events.length);
  });

  it('collapses repeated events and leaves out events it cannot place in time', () => {
    const noisy = [
      ...events,
      events[0]!,
      parse({ status_code: '31', event_timestamp: 'sometime', tracking_code: TRACKING_CODE }),
    ];
    expect(postiTimeline(TRACKING_CODE, noisy)).toHaveLength(events.length);
  });

  it('keeps unknown codes as unknown events (a mapping gap) with the raw event', () => {
    const odd = parse({
      status_code: '12',
      event_timestamp: '2025-03-04 10:00:00',
      post_office: '',
    });
    const entry = postiTimelineEntry(TRACKING_CODE, odd)!;
    expect(entry.event).toMatchObject({
      status: 'unknown',
      subStatus: 'posti:CARRIER_STATUS_NOT_MAPPED:12',
      message: null,
      location: { city: null, countryRegion: null },
    });
    expect(entry.raw).toBe(odd);
  });

  it('places an event without post office or postcode nowhere', () => {
    expect(postiLocation(parse({ status_code: '68', postcode: null, post_office: ' ' }))).toEqual({
      city: null,
      state: null,
      postalCode: null,
      countryRegion: null,
      raw: null,
    });
  });
});

describe('postiSnapshot', () => {
  it('describes the parcel with Posti’s tracking page and the consignment reference', () => {
    const snapshot = postiSnapshot(` ${TRACKING_CODE} `, events);
    expect(snapshot).toMatchObject({
      trackingRef: TRACKING_CODE,
      trackingNumber: TRACKING_CODE,
      carrierSlug: 'posti',
      orderNumber: '20510',
      estimatedDelivery: null,
      trackingUrl: `https://www.posti.fi/fi/seuranta#/lahetys/${TRACKING_CODE}`,
    });
    expect(snapshot.entries).toHaveLength(5);
    expect(postiSnapshot(TRACKING_CODE, [], { orderNumber: '1001-2' })).toMatchObject({
      orderNumber: '1001-2',
      entries: [],
    });
  });

  it('encodes odd characters in the tracking URL', () => {
    expect(postiTrackingUrl('JJ FI/1')).toBe(
      'https://www.posti.fi/fi/seuranta#/lahetys/JJ%20FI%2F1',
    );
  });
});
