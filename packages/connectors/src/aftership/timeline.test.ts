import { TrackingEventSchema } from '@shiplink/domain';
import { afterShipTrackingFixture } from './fixtures/tracking';
import { eventsFromTracking } from './mapping';
import { afterShipTimeline, afterShipVerdict } from './timeline';

describe('afterShipTimeline', () => {
  it('pairs each placeable checkpoint with its identity and raw copy', () => {
    const entries = afterShipTimeline(afterShipTrackingFixture);
    expect(entries.map((e) => e.event)).toEqual(eventsFromTracking(afterShipTrackingFixture));
    expect(entries.map((e) => e.raw)).toEqual(afterShipTrackingFixture.checkpoints);
    expect(new Set(entries.map((e) => e.identity)).size).toBe(entries.length);
  });

  it('adds nothing when a checkpoint already carries the tracking-level status', () => {
    expect(
      afterShipVerdict(afterShipTrackingFixture, eventsFromTracking(afterShipTrackingFixture)),
    ).toBeUndefined();
  });

  it('turns an expiry without a scan into one event, stable across re-sends', () => {
    const expired = {
      ...afterShipTrackingFixture,
      tag: 'Expired',
      subtag: 'Expired_001',
      subtag_message: 'Expired',
      checkpoints: afterShipTrackingFixture.checkpoints!.slice(0, 2),
      updated_at: '2025-02-20T10:00:00+00:00',
    };
    const [, , verdict] = afterShipTimeline(expired);
    expect(TrackingEventSchema.parse(verdict!.event)).toMatchObject({
      status: 'expired',
      subStatus: 'aftership:Expired_001',
      occurredAtUtc: '2025-02-20T10:00:00.000Z',
    });
    const later = afterShipTimeline({ ...expired, updated_at: '2025-02-21T10:00:00+00:00' });
    expect(later[2]?.identity).toBe(verdict!.identity);
  });

  it('turns mark-as-completed into a delivered event after the last scan', () => {
    const completed = {
      ...afterShipTrackingFixture,
      tag: 'Delivered',
      subtag: 'Delivered_001',
      checkpoints: afterShipTrackingFixture.checkpoints!.slice(0, 3),
      updated_at: '2024-12-01T00:00:00+00:00',
    };
    const entries = afterShipTimeline(completed);
    const last = entries[entries.length - 2]!.event.occurredAtUtc;
    expect(entries.at(-1)!.event).toMatchObject({ status: 'delivered', occurredAtUtc: last });
  });

  it('leaves in-flight statuses to the checkpoints', () => {
    const moving = {
      ...afterShipTrackingFixture,
      tag: 'InTransit',
      subtag: 'InTransit_001',
      checkpoints: [],
    };
    expect(afterShipTimeline(moving)).toEqual([]);
  });
});
