import { TRACKING_STATUSES, type TrackingStatus } from './status';
import {
  decideTransition,
  reduceTimeline,
  type CurrentTrackingStatus,
  type TransitionInput,
} from './transition';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 4, 8, minute)).toISOString();
const ev = (status: TrackingStatus, minute: number): TransitionInput => ({
  status,
  occurredAtUtc: at(minute),
});
const cur = (status: TrackingStatus, minute: number): CurrentTrackingStatus => ev(status, minute);

type Outcome = 'apply' | 'history' | 'duplicate' | 'lower_precedence' | 'unknown_status' | string;

function outcome(current: CurrentTrackingStatus | null, event: TransitionInput): Outcome {
  const decision = decideTransition(current, event);
  if (decision.apply) return 'apply';
  return decision.anomaly ? decision.anomaly.kind : decision.ignored;
}

describe('decideTransition', () => {
  it.each<[string, CurrentTrackingStatus | null, TransitionInput, Outcome]>([
    ['first event', null, ev('in_transit', 10), 'apply'],
    ['first event even if unknown', null, ev('unknown', 10), 'apply'],
    ['newer progress', cur('in_transit', 10), ev('out_for_delivery', 20), 'apply'],
    ['newer non-terminal step back', cur('out_for_delivery', 10), ev('in_transit', 20), 'apply'],
    ['newer delivered', cur('out_for_delivery', 10), ev('delivered', 20), 'apply'],
    [
      'older consistent scan is history',
      cur('out_for_delivery', 20),
      ev('in_transit', 10),
      'history',
    ],
    ['older scan after delivery is history', cur('delivered', 20), ev('in_transit', 10), 'history'],
    ['older delivered after later scan', cur('in_transit', 20), ev('delivered', 10), 'stale_event'],
    ['older delivered before return', cur('return_to_sender', 20), ev('delivered', 10), 'history'],
    ['older failed before delivery', cur('delivered', 20), ev('failed', 10), 'history'],
    ['older delivered before failed', cur('failed', 20), ev('delivered', 10), 'stale_event'],
    [
      'same instant, delivered beats ofd',
      cur('out_for_delivery', 10),
      ev('delivered', 10),
      'apply',
    ],
    [
      'same instant, ofd loses',
      cur('delivered', 10),
      ev('out_for_delivery', 10),
      'lower_precedence',
    ],
    ['same instant, same status', cur('in_transit', 10), ev('in_transit', 10), 'duplicate'],
    ['same instant, two outcomes', cur('delivered', 10), ev('failed', 10), 'contradictory'],
    [
      'same instant, returned vs delivered',
      cur('returned', 10),
      ev('delivered', 10),
      'contradictory',
    ],
    [
      'regression from delivered',
      cur('delivered', 10),
      ev('in_transit', 20),
      'terminal_regression',
    ],
    ['delivered exits to return', cur('delivered', 10), ev('return_to_sender', 20), 'apply'],
    ['delivered exits to returned', cur('delivered', 10), ev('returned', 20), 'apply'],
    ['delivered refreshed by delivered', cur('delivered', 10), ev('delivered', 20), 'apply'],
    ['delivered to failed', cur('delivered', 10), ev('failed', 20), 'terminal_regression'],
    ['returned is final', cur('returned', 10), ev('delivered', 20), 'terminal_regression'],
    ['cancelled is final', cur('cancelled', 10), ev('picked_up', 20), 'terminal_regression'],
    ['lost then found and delivered', cur('failed', 10), ev('delivered', 20), 'apply'],
    ['lost then a stray scan', cur('failed', 10), ev('in_transit', 20), 'terminal_regression'],
    ['unknown never overrides', cur('in_transit', 10), ev('unknown', 20), 'unknown_status'],
    ['unknown never overrides terminal', cur('delivered', 10), ev('unknown', 20), 'unknown_status'],
    ['known replaces unknown', cur('unknown', 20), ev('in_transit', 10), 'apply'],
    ['unknown replaces unknown', cur('unknown', 10), ev('unknown', 20), 'apply'],
    ['return completes', cur('return_to_sender', 10), ev('returned', 20), 'apply'],
  ])('%s', (_name, current, event, expected) => {
    expect(outcome(current, event)).toBe(expected);
  });

  it('marks older events stale and normalizes the applied time', () => {
    const decision = decideTransition(cur('delivered', 20), ev('in_transit', 10));
    expect(decision).toMatchObject({ apply: false, stale: true, anomaly: null });
    const applied = decideTransition(null, {
      status: 'in_transit',
      occurredAtUtc: '2025-03-04T08:10:00Z',
    });
    expect(applied).toEqual({
      apply: true,
      next: { status: 'in_transit', occurredAtUtc: '2025-03-04T08:10:00.000Z' },
    });
  });
});

describe('reduceTimeline', () => {
  it.each<[string, TransitionInput[], TrackingStatus | null, string[]]>([
    ['empty', [], null, []],
    [
      'a normal journey',
      [ev('info_received', 1), ev('picked_up', 2), ev('in_transit', 3), ev('delivered', 5)],
      'delivered',
      [],
    ],
    [
      'scans after delivery',
      [ev('delivered', 5), ev('in_transit', 6)],
      'delivered',
      ['terminal_regression'],
    ],
    ['minute-resolution finish', [ev('out_for_delivery', 5), ev('delivered', 5)], 'delivered', []],
    [
      'return after delivery',
      [ev('delivered', 5), ev('return_to_sender', 7), ev('returned', 9)],
      'returned',
      [],
    ],
    ['unknown at the end', [ev('in_transit', 3), ev('unknown', 9)], 'in_transit', []],
    ['only unknown', [ev('unknown', 3)], 'unknown', []],
    [
      'contradictory outcomes',
      [ev('failed', 5), ev('delivered', 5)],
      'delivered',
      ['contradictory'],
    ],
  ])('%s', (_name, events, status, anomalies) => {
    const result = reduceTimeline(events);
    expect(result.current?.status ?? null).toBe(status);
    expect(result.anomalies.map((a) => a.kind)).toEqual(anomalies);
  });

  // A small deterministic PRNG so a failure can be replayed from its seed.
  function prng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle<T>(items: readonly T[], random: () => number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  it.each(Array.from({ length: 40 }, (_, i) => [i + 1]))(
    'is order-independent over random permutations (seed %i)',
    (seed) => {
      const random = prng(seed);
      // Few distinct minutes, so that same-instant ties are common.
      const events = Array.from({ length: 3 + Math.floor(random() * 10) }, () =>
        ev(
          TRACKING_STATUSES[Math.floor(random() * TRACKING_STATUSES.length)]!,
          Math.floor(random() * 6),
        ),
      );
      const expected = reduceTimeline(events);
      for (let round = 0; round < 25; round++) {
        expect(reduceTimeline(shuffle(events, random))).toEqual(expected);
      }
    },
  );

  it('agrees with the incremental path when events arrive in occurred-at order', () => {
    const events = [
      ev('info_received', 1),
      ev('in_transit', 2),
      ev('delivered', 4),
      ev('in_transit', 5),
    ];
    let current: CurrentTrackingStatus | null = null;
    for (const event of events) {
      const decision = decideTransition(current, event);
      if (decision.apply) current = decision.next;
    }
    expect(current).toEqual(reduceTimeline(events).current);
  });
});
