import type { TrackingCurrent } from '@shiplink/db';
import type { TimelineEntry, TrackingStatus } from '@shiplink/domain';
import { sampleTrackingEvent } from '@shiplink/domain/fixtures';
import { planProgress, type StoredEvent } from './progress-plan';

const at = (hour: number) => new Date(Date.UTC(2025, 2, 4, hour)).toISOString();

const entry = (identity: string, status: TrackingStatus, hour: number): TimelineEntry => ({
  identity,
  raw: { identity },
  event: sampleTrackingEvent(status, at(hour), {
    subStatus:
      status === 'unknown' ? 'aftership:CARRIER_STATUS_NOT_MAPPED:Warp_001' : `aftership:${status}`,
  }),
});

const stored = (e: TimelineEntry): StoredEvent => ({
  identity: e.identity,
  status: e.event.status,
  subStatus: e.event.subStatus,
  reason: null,
  actionRequired: false,
  occurredAtUtc: new Date(e.event.occurredAtUtc),
  mappingVersion: 'aftership.1',
});

const none: TrackingCurrent = {
  status: 'pending',
  subStatus: null,
  reason: null,
  actionRequired: false,
  occurredAt: null,
};
const current = (status: TrackingStatus, hour: number): TrackingCurrent => ({
  ...none,
  status,
  occurredAt: new Date(at(hour)),
});

describe('planProgress', () => {
  const picked = entry('a', 'picked_up', 1);
  const transit = entry('b', 'in_transit', 2);
  const delivered = entry('c', 'delivered', 3);

  it('applies the newest of a first batch, whatever order it came in', () => {
    const plan = planProgress({
      current: none,
      stored: [],
      incoming: [delivered, picked, transit],
    });
    expect(plan.checkpoints.map((c) => c.identity)).toEqual(['a', 'b', 'c']);
    expect(plan.next).toMatchObject({ status: 'delivered', occurredAt: new Date(at(3)) });
    expect(plan.anomalies).toEqual([]);
    expect(plan.transitions.map((t) => [t.fromStatus, t.status, t.eventIdentity])).toEqual([
      ['pending', 'picked_up', 'a'],
      ['picked_up', 'in_transit', 'b'],
      ['in_transit', 'delivered', 'c'],
    ]);
  });

  it('ignores checkpoints already stored or repeated within the batch', () => {
    const plan = planProgress({
      current: current('picked_up', 1),
      stored: [stored(picked)],
      incoming: [picked, transit, { ...transit, raw: { resent: true } }],
    });
    expect(plan.checkpoints.map((c) => c.identity)).toEqual(['b']);
    expect(plan.next?.status).toBe('in_transit');
  });

  it('changes nothing when every checkpoint is known', () => {
    const plan = planProgress({
      current: current('in_transit', 2),
      stored: [stored(picked), stored(transit)],
      incoming: [picked, transit],
    });
    expect(plan).toEqual({ checkpoints: [], anomalies: [], transitions: [], unmapped: [] });
  });

  it('keeps an older scan as history without moving the status', () => {
    const plan = planProgress({
      current: current('delivered', 3),
      stored: [stored(delivered)],
      incoming: [delivered, transit],
    });
    expect(plan.checkpoints.map((c) => c.identity)).toEqual(['b']);
    expect(plan.next).toBeUndefined();
    expect(plan.anomalies).toEqual([]);
  });

  it('keeps a regression after a terminal status as an anomaly, not applied', () => {
    const back = entry('d', 'in_transit', 4);
    const plan = planProgress({
      current: current('delivered', 3),
      stored: [stored(delivered)],
      incoming: [delivered, back],
    });
    expect(plan.next).toBeUndefined();
    expect(plan.anomalies).toEqual([
      expect.objectContaining({
        kind: 'terminal_regression',
        fromStatus: 'delivered',
        toStatus: 'in_transit',
        eventIdentity: 'd',
      }),
    ]);
  });

  it('recomputes from the whole timeline when a late event would have ended the journey', () => {
    const later = entry('e', 'out_for_delivery', 5);
    const plan = planProgress({
      current: current('out_for_delivery', 5),
      stored: [stored(picked), stored(later)],
      incoming: [picked, delivered, later],
    });
    expect(plan.anomalies).toEqual([
      expect.objectContaining({ kind: 'stale_event', toStatus: 'delivered' }),
    ]);
    expect(plan.next).toMatchObject({ status: 'delivered', occurredAt: new Date(at(3)) });
  });

  it('keeps every status a batch passes through, with the detail of the event that brought it', () => {
    const refused = {
      ...entry('x', 'exception', 4),
      event: sampleTrackingEvent('exception', at(4), {
        subStatus: 'aftership:Exception_003',
        reason: 'consignee_refused',
        actionRequired: true,
      }),
    };
    const plan = planProgress({
      current: current('in_transit', 2),
      stored: [stored(transit)],
      incoming: [transit, entry('y', 'delivered', 5), refused],
    });
    expect(plan.next).toMatchObject({ status: 'delivered', occurredAt: new Date(at(5)) });
    expect(plan.transitions).toEqual([
      {
        fromStatus: 'in_transit',
        status: 'exception',
        subStatus: 'aftership:Exception_003',
        reason: 'consignee_refused',
        actionRequired: true,
        occurredAt: new Date(at(4)),
        eventIdentity: 'x',
      },
      expect.objectContaining({
        fromStatus: 'exception',
        status: 'delivered',
        reason: null,
        occurredAt: new Date(at(5)),
        eventIdentity: 'y',
      }),
    ]);
  });

  it('moves the time, not the status, on a newer scan of the same status', () => {
    const plan = planProgress({
      current: current('in_transit', 2),
      stored: [stored(transit)],
      incoming: [transit, entry('z', 'in_transit', 3)],
    });
    expect(plan.next).toMatchObject({ status: 'in_transit', occurredAt: new Date(at(3)) });
    expect(plan.transitions).toEqual([]);
  });

  it('makes no move of history or of an anomaly', () => {
    const plan = planProgress({
      current: current('delivered', 3),
      stored: [stored(delivered)],
      incoming: [delivered, entry('h', 'exception', 2), entry('r', 'in_transit', 4)],
    });
    expect(plan.anomalies.map((a) => a.kind)).toEqual(['terminal_regression']);
    expect(plan.next).toBeUndefined();
    expect(plan.transitions).toEqual([]);
  });

  it('moves once, to where the whole timeline lands, when a late event rewrites it', () => {
    const later = entry('e', 'out_for_delivery', 5);
    const plan = planProgress({
      current: current('out_for_delivery', 5),
      stored: [stored(picked), stored(later)],
      incoming: [picked, delivered, later, entry('g', 'exception', 6)],
    });
    expect(plan.next).toMatchObject({ status: 'delivered', occurredAt: new Date(at(3)) });
    expect(plan.transitions).toEqual([
      expect.objectContaining({
        fromStatus: 'out_for_delivery',
        status: 'delivered',
        eventIdentity: 'c',
      }),
    ]);
  });

  it('records an unmapped status for the mapping-gap counter without applying it', () => {
    const odd = entry('f', 'unknown', 4);
    const plan = planProgress({ current: current('in_transit', 2), stored: [], incoming: [odd] });
    expect(plan.unmapped).toEqual(['aftership:CARRIER_STATUS_NOT_MAPPED:Warp_001']);
    expect(plan.anomalies).toEqual([
      expect.objectContaining({ kind: 'unmapped_status', eventIdentity: 'f' }),
    ]);
    expect(plan.checkpoints).toHaveLength(1);
    expect(plan.next).toBeUndefined();
  });
});
