import { z } from 'zod';

/**
 * The canonical tracking status: small and stable, because state machines, notifications and the
 * tracking page key off it. Vendor detail lives in `subStatus`, the cause in `reason`.
 */
export const TRACKING_STATUSES = [
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
] as const;
export const TrackingStatusSchema = z.enum(TRACKING_STATUSES);
export type TrackingStatus = z.infer<typeof TrackingStatusSchema>;

export const TERMINAL_STATUSES = ['delivered', 'returned', 'failed', 'cancelled'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isTerminal(status: TrackingStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly TrackingStatus[]).includes(status);
}

/**
 * The only ways out of a terminal status; every other move away from one is an anomaly.
 * - delivered → return_to_sender / returned: a refused-after-delivery, misdelivery recall or
 *   customer return rides back on the same number. `returned` directly covers carriers that skip
 *   the "returning" scan (and AfterShip's mark-as-completed RETURNED_TO_SENDER).
 * - failed → delivered / return_to_sender / returned: "lost" and "damaged" are often declared
 *   before the parcel turns up; a later physical outcome is better evidence than the declaration.
 *   In-transit scans after "lost" stay anomalies, so the customer is not told "on its way" by a
 *   stray scan, but the final outcome does get through.
 * - returned: none. Back at the shipper ends this shipment; a resend is a new label and number.
 * - cancelled: none. A scan on a voided label means someone shipped on a refunded label; that
 *   needs a person (billing), so it is surfaced as an anomaly rather than silently applied.
 */
export const TERMINAL_EXITS: Readonly<Record<TerminalStatus, readonly TrackingStatus[]>> = {
  delivered: ['return_to_sender', 'returned'],
  failed: ['delivered', 'return_to_sender', 'returned'],
  returned: [],
  cancelled: [],
};

export function isAllowedExit(from: TerminalStatus, to: TrackingStatus): boolean {
  return TERMINAL_EXITS[from].includes(to);
}

/**
 * Tie-break among events with the same occurred-at (carriers often report minutes only): the one
 * further along wins, e.g. delivered over out_for_delivery. A total order, so that reducing a
 * timeline never depends on arrival order. Terminal statuses outrank every non-terminal one.
 */
export const STATUS_PRECEDENCE: Readonly<Record<TrackingStatus, number>> = {
  unknown: 0,
  pending: 1,
  tracking_error: 2,
  expired: 3,
  info_received: 4,
  picked_up: 5,
  in_transit: 6,
  delayed: 7,
  on_hold: 8,
  exception: 9,
  out_for_delivery: 10,
  attempt_failed: 11,
  available_for_pickup: 12,
  return_to_sender: 13,
  cancelled: 14,
  failed: 15,
  returned: 16,
  delivered: 17,
};

/**
 * A normalized cause, one per event, modelled on karrio's incident taxonomy. The prefix says
 * whose side the problem is on, which decides who is told and who must act.
 */
export const REASONS = [
  'carrier_damaged_parcel',
  'carrier_sorting_error',
  'carrier_address_not_found',
  'carrier_parcel_lost',
  'carrier_not_enough_time',
  'carrier_vehicle_issue',
  'carrier_capacity_exceeded',
  'carrier_processing_delay',
  'carrier_rejected',
  'retailer_cancelled',
  'retailer_incorrect_data',
  'retailer_not_ready',
  'retailer_incorrect_parcel',
  'retailer_incorrect_dimensions',
  'retailer_packaging',
  'consignee_refused',
  'consignee_business_closed',
  'consignee_not_available',
  'consignee_not_home',
  'consignee_moved',
  'consignee_cancelled',
  'consignee_verification_failed',
  'consignee_incorrect_address',
  'consignee_access_restricted',
  'consignee_safe_place_unavailable',
  'consignee_payment_required',
  'consignee_not_collected',
  'customs_delay',
  'customs_documentation',
  'customs_duties_unpaid',
  'customs_prohibited',
  'customs_inspection',
  'weather',
  'natural_disaster',
  'force_majeure',
  'being_researched',
  'security',
  'regulatory_hold',
  'unknown',
] as const;
export const ReasonSchema = z.enum(REASONS);
export type Reason = z.infer<typeof ReasonSchema>;

/** The customer-facing buckets the merchants asked for, plus pre-shipment and cancelled. */
export const CUSTOMER_BUCKETS = [
  'pre_shipment',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
  'returned',
  'cancelled',
] as const;
export const CustomerBucketSchema = z.enum(CUSTOMER_BUCKETS);
export type CustomerBucket = z.infer<typeof CustomerBucketSchema>;

const BUCKETS = {
  // `unknown` only becomes current when nothing usable has arrived yet (it never overrides a
  // known status), which to a customer reads as "not shipped yet".
  unknown: 'pre_shipment',
  pending: 'pre_shipment',
  info_received: 'pre_shipment',
  picked_up: 'in_transit',
  in_transit: 'in_transit',
  // Late but moving: the customer sees "in transit"; the delay is a flag on top, not a problem.
  delayed: 'in_transit',
  on_hold: 'exception',
  out_for_delivery: 'out_for_delivery',
  // The parcel is at the last step before the customer, who has to go and get it.
  available_for_pickup: 'out_for_delivery',
  attempt_failed: 'exception',
  exception: 'exception',
  delivered: 'delivered',
  return_to_sender: 'returned',
  returned: 'returned',
  failed: 'exception',
  cancelled: 'cancelled',
  // Stale and misconfigured trackings are problems the merchant should look at.
  expired: 'exception',
  tracking_error: 'exception',
} as const satisfies Record<TrackingStatus, CustomerBucket>;

export function customerBucket(status: TrackingStatus): CustomerBucket {
  return BUCKETS[status];
}

/**
 * Statuses that by themselves mean someone must act for the parcel to move on: the consignee
 * (collect it, pay, fix the address, rebook after a missed attempt) or the merchant (fix the
 * tracking number or courier). Mappings may also flag individual sub-statuses of other statuses.
 */
export const ACTION_REQUIRED_STATUSES = [
  'on_hold',
  'available_for_pickup',
  'attempt_failed',
  'tracking_error',
] as const satisfies readonly TrackingStatus[];

export function isActionRequired(status: TrackingStatus): boolean {
  return (ACTION_REQUIRED_STATUSES as readonly TrackingStatus[]).includes(status);
}
