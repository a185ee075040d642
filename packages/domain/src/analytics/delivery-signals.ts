import type { TrackingStatus } from '../tracking/status';

/**
 * What each canonical status says about a parcel's delivery: whether the carrier has physically
 * handled it (a scan starts the transit clock), and which problem, if any, it counts as.
 * `exception`: held, or a problem that stops the parcel (lost and damaged declarations
 * included); `failed_attempt`: the courier came and could not deliver; `return`: on its way back
 * or back at the shipper. Tracking problems (expired, a wrong number) are not delivery problems.
 */
export type DeliverySignal = 'exception' | 'failed_attempt' | 'return' | null;

export const DELIVERY_SIGNALS = {
  pending: { scan: false, signal: null },
  info_received: { scan: false, signal: null },
  picked_up: { scan: true, signal: null },
  in_transit: { scan: true, signal: null },
  delayed: { scan: true, signal: null },
  on_hold: { scan: true, signal: 'exception' },
  out_for_delivery: { scan: true, signal: null },
  available_for_pickup: { scan: true, signal: null },
  attempt_failed: { scan: true, signal: 'failed_attempt' },
  exception: { scan: true, signal: 'exception' },
  delivered: { scan: true, signal: null },
  return_to_sender: { scan: true, signal: 'return' },
  returned: { scan: true, signal: 'return' },
  failed: { scan: true, signal: 'exception' },
  cancelled: { scan: false, signal: null },
  expired: { scan: false, signal: null },
  tracking_error: { scan: false, signal: null },
  unknown: { scan: false, signal: null },
} as const satisfies Record<TrackingStatus, { scan: boolean; signal: DeliverySignal }>;

const statusesWhere = (test: (entry: { scan: boolean; signal: DeliverySignal }) => boolean) =>
  (Object.keys(DELIVERY_SIGNALS) as TrackingStatus[]).filter((status) =>
    test(DELIVERY_SIGNALS[status]),
  );

/** Statuses of a checkpoint that mean the carrier had the parcel in hand. */
export const CARRIER_SCAN_STATUSES: readonly TrackingStatus[] = statusesWhere((s) => s.scan);

/** Statuses whose reaching, at any time, marks a parcel with that signal. */
export const SIGNAL_STATUSES: Readonly<Record<NonNullable<DeliverySignal>, TrackingStatus[]>> = {
  exception: statusesWhere((s) => s.signal === 'exception'),
  failed_attempt: statusesWhere((s) => s.signal === 'failed_attempt'),
  return: statusesWhere((s) => s.signal === 'return'),
};
