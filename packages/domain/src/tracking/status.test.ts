import {
  customerBucket,
  isActionRequired,
  isAllowedExit,
  isTerminal,
  STATUS_PRECEDENCE,
  TERMINAL_EXITS,
  TERMINAL_STATUSES,
  TRACKING_STATUSES,
  TrackingStatusSchema,
  type CustomerBucket,
  type TrackingStatus,
} from './status';

describe('tracking statuses', () => {
  it('has exactly the canonical set', () => {
    expect([...TRACKING_STATUSES].sort()).toEqual(
      [
        'pending',
        'info_received',
        'picked_up',
        'in_transit',
        'delayed',
        'on_hold',
        'out_for_delivery',
        'available_for_pickup',
        'attempt_failed',
        'exception',
        'delivered',
        'return_to_sender',
        'returned',
        'failed',
        'cancelled',
        'expired',
        'tracking_error',
        'unknown',
      ].sort(),
    );
    expect(TrackingStatusSchema.safeParse('lost').success).toBe(false);
  });

  it('marks exactly delivered, returned, failed and cancelled terminal', () => {
    expect(TRACKING_STATUSES.filter(isTerminal).sort()).toEqual(
      ['cancelled', 'delivered', 'failed', 'returned'].sort(),
    );
  });

  it.each<[TrackingStatus, TrackingStatus, boolean]>([
    ['delivered', 'return_to_sender', true],
    ['delivered', 'returned', true],
    ['delivered', 'in_transit', false],
    ['delivered', 'failed', false],
    ['failed', 'delivered', true],
    ['failed', 'return_to_sender', true],
    ['failed', 'in_transit', false],
    ['returned', 'delivered', false],
    ['returned', 'in_transit', false],
    ['cancelled', 'in_transit', false],
  ])('exit %s → %s allowed: %s', (from, to, allowed) => {
    if (!isTerminal(from)) throw new Error('test table must start from a terminal status');
    expect(isAllowedExit(from, to)).toBe(allowed);
  });

  it('never lets a terminal status exit into a pre-shipment or unknown status', () => {
    for (const from of TERMINAL_STATUSES) {
      for (const to of TERMINAL_EXITS[from]) {
        expect(['pending', 'info_received', 'unknown']).not.toContain(to);
      }
    }
  });

  it('orders precedence totally, terminal statuses above every other', () => {
    const ranks = TRACKING_STATUSES.map((s) => STATUS_PRECEDENCE[s]);
    expect(new Set(ranks).size).toBe(TRACKING_STATUSES.length);
    const lowestTerminal = Math.min(...TERMINAL_STATUSES.map((s) => STATUS_PRECEDENCE[s]));
    for (const status of TRACKING_STATUSES.filter((s) => !isTerminal(s))) {
      expect(STATUS_PRECEDENCE[status]).toBeLessThan(lowestTerminal);
    }
    expect(STATUS_PRECEDENCE.delivered).toBeGreaterThan(STATUS_PRECEDENCE.out_for_delivery);
  });

  it.each<[TrackingStatus, CustomerBucket]>([
    ['unknown', 'pre_shipment'],
    ['pending', 'pre_shipment'],
    ['info_received', 'pre_shipment'],
    ['picked_up', 'in_transit'],
    ['in_transit', 'in_transit'],
    ['delayed', 'in_transit'],
    ['on_hold', 'exception'],
    ['out_for_delivery', 'out_for_delivery'],
    ['available_for_pickup', 'out_for_delivery'],
    ['attempt_failed', 'exception'],
    ['exception', 'exception'],
    ['delivered', 'delivered'],
    ['return_to_sender', 'returned'],
    ['returned', 'returned'],
    ['failed', 'exception'],
    ['cancelled', 'cancelled'],
    ['expired', 'exception'],
    ['tracking_error', 'exception'],
  ])('bucket of %s is %s', (status, bucket) => {
    expect(customerBucket(status)).toBe(bucket);
  });

  it.each<[TrackingStatus, boolean]>([
    ['on_hold', true],
    ['available_for_pickup', true],
    ['attempt_failed', true],
    ['tracking_error', true],
    ['in_transit', false],
    ['exception', false],
    ['delivered', false],
    ['unknown', false],
  ])('%s requires action: %s', (status, expected) => {
    expect(isActionRequired(status)).toBe(expected);
  });
});
