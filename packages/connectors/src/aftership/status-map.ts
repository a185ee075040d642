import {
  isActionRequired,
  unmappedSubStatus,
  type Reason,
  type TrackingStatus,
} from '@shiplink/domain';

/** Bump when any row below changes, so stored events get re-derived from their raw codes. */
export const AFTERSHIP_MAPPING_VERSION = 'aftership.1';

export const AFTERSHIP_TAGS = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const;
export type AfterShipTag = (typeof AFTERSHIP_TAGS)[number];

/** Every documented subtag (AfterShip's delivery sub-statuses, 2025-01 plus 2026 additions). */
export const AFTERSHIP_SUBTAGS = [
  ...(['001', '002', '003', '004', '005', '006'] as const).map((n) => `Pending_${n}` as const),
  'InfoReceived_001',
  ...(['001', '002', '003', '004', '005', '006', '007', '008', '009'] as const).map(
    (n) => `InTransit_${n}` as const,
  ),
  'OutForDelivery_001',
  'OutForDelivery_002',
  'OutForDelivery_003',
  'OutForDelivery_004',
  'AttemptFail_001',
  'AttemptFail_002',
  'AttemptFail_003',
  ...(['001', '002', '003', '004', '005'] as const).map((n) => `Delivered_${n}` as const),
  'AvailableForPickup_001',
  ...(
    [
      '001',
      '002',
      '003',
      '004',
      '005',
      '006',
      '007',
      '008',
      '009',
      '010',
      '011',
      '012',
      '013',
    ] as const
  ).map((n) => `Exception_${n}` as const),
  'Exception_016',
  'Exception_017',
  'Exception_018',
  'Expired_001',
] as const;
export type AfterShipSubtag = (typeof AFTERSHIP_SUBTAGS)[number];

export interface AfterShipMappedStatus {
  status: TrackingStatus;
  reason: Reason | null;
  actionRequired: boolean;
}

const to = (
  status: TrackingStatus,
  reason: Reason | null = null,
  actionRequired = isActionRequired(status),
): AfterShipMappedStatus => ({ status, reason, actionRequired });

/**
 * Every documented subtag. Where our status-model research notes and AfterShip's own texts
 * disagree, AfterShip wins: `Exception_010` is "Returning to sender" (on its way back →
 * return_to_sender) and `Exception_011` is "Returned to sender" (received back → returned). The
 * notes had the two swapped; AfterShip's mark-as-completed RETURNED_TO_SENDER setting
 * Exception_011 confirms which one is final.
 */
export const AFTERSHIP_SUBTAG_MAP = {
  // Texts for Pending_002–006 are not published in the sources we have; all mean "no usable
  // carrier data yet", which is pending whatever the detail.
  Pending_001: to('pending'),
  Pending_002: to('pending'),
  Pending_003: to('pending'),
  Pending_004: to('pending'),
  Pending_005: to('pending'),
  Pending_006: to('pending'),
  InfoReceived_001: to('info_received'),
  InTransit_001: to('in_transit'),
  // Acceptance scan: the first physical scan, which is what picked_up means.
  InTransit_002: to('picked_up'),
  InTransit_003: to('in_transit'),
  InTransit_004: to('in_transit'),
  InTransit_005: to('in_transit'),
  InTransit_006: to('in_transit'),
  InTransit_007: to('in_transit'),
  // Problem resolved: moving again, so back to in_transit (which also clears a delay flag).
  InTransit_008: to('in_transit'),
  InTransit_009: to('in_transit'),
  OutForDelivery_001: to('out_for_delivery'),
  // Only in old lists; still seen on long-lived trackings.
  OutForDelivery_002: to('out_for_delivery'),
  OutForDelivery_003: to('out_for_delivery'),
  OutForDelivery_004: to('out_for_delivery'),
  AttemptFail_001: to('attempt_failed'),
  AttemptFail_002: to('attempt_failed', 'consignee_not_available'),
  AttemptFail_003: to('attempt_failed', 'consignee_business_closed'),
  Delivered_001: to('delivered'),
  Delivered_002: to('delivered'),
  Delivered_003: to('delivered'),
  Delivered_004: to('delivered'),
  Delivered_005: to('delivered'),
  AvailableForPickup_001: to('available_for_pickup'),
  Exception_001: to('exception'),
  // Customer moved: the carrier holds it until someone gives a new address.
  Exception_002: to('on_hold', 'consignee_moved'),
  Exception_003: to('exception', 'consignee_refused'),
  Exception_004: to('delayed', 'customs_delay'),
  Exception_005: to('delayed', 'force_majeure'),
  Exception_006: to('on_hold', 'consignee_payment_required'),
  Exception_007: to('on_hold', 'consignee_incorrect_address'),
  // Not collected from the pickup point: the customer must act before it goes back.
  Exception_008: to('exception', 'consignee_not_collected', true),
  // Non-compliant parcel: the merchant must act (packaging, contents, labels).
  Exception_009: to('exception', 'carrier_rejected', true),
  Exception_010: to('return_to_sender'),
  Exception_011: to('returned'),
  Exception_012: to('failed', 'carrier_damaged_parcel'),
  Exception_013: to('failed', 'carrier_parcel_lost'),
  // Newer subtags, for shipments tracked from 2026-03-27 on.
  Exception_016: to('delayed', 'carrier_processing_delay'),
  Exception_017: to('delayed', 'weather'),
  Exception_018: to('on_hold', 'customs_documentation'),
  Expired_001: to('expired'),
} as const satisfies Record<AfterShipSubtag, AfterShipMappedStatus>;

/** For a tag without a subtag (older payloads, some checkpoints): the tag's generic subtag. */
export const AFTERSHIP_TAG_MAP = {
  Pending: AFTERSHIP_SUBTAG_MAP.Pending_001,
  InfoReceived: AFTERSHIP_SUBTAG_MAP.InfoReceived_001,
  InTransit: AFTERSHIP_SUBTAG_MAP.InTransit_001,
  OutForDelivery: AFTERSHIP_SUBTAG_MAP.OutForDelivery_001,
  AttemptFail: AFTERSHIP_SUBTAG_MAP.AttemptFail_001,
  Delivered: AFTERSHIP_SUBTAG_MAP.Delivered_001,
  AvailableForPickup: AFTERSHIP_SUBTAG_MAP.AvailableForPickup_001,
  Exception: AFTERSHIP_SUBTAG_MAP.Exception_001,
  Expired: AFTERSHIP_SUBTAG_MAP.Expired_001,
} as const satisfies Record<AfterShipTag, AfterShipMappedStatus>;

export interface AfterShipStatus extends AfterShipMappedStatus {
  /** `aftership:<subtag>`, `aftership:<tag>`, or `aftership:CARRIER_STATUS_NOT_MAPPED:<raw>`. */
  subStatus: string;
  /** False when the tag/subtag is not in the tables: counted as a mapping gap. */
  mapped: boolean;
}

const isSubtag = (value: string): value is AfterShipSubtag =>
  Object.hasOwn(AFTERSHIP_SUBTAG_MAP, value);
const isTag = (value: string): value is AfterShipTag => Object.hasOwn(AFTERSHIP_TAG_MAP, value);

/**
 * Tag + subtag → canonical status. The subtag is the more specific of the two and wins. Anything
 * not in the tables becomes `unknown` with the raw value kept in `subStatus`; never throws, since
 * AfterShip adds subtags without a version change.
 */
export function mapAfterShipStatus(
  tag: string | null | undefined,
  subtag: string | null | undefined,
): AfterShipStatus {
  const sub = subtag?.trim();
  const main = tag?.trim();
  if (sub) {
    if (isSubtag(sub))
      return { ...AFTERSHIP_SUBTAG_MAP[sub], subStatus: `aftership:${sub}`, mapped: true };
  } else if (main && isTag(main)) {
    return { ...AFTERSHIP_TAG_MAP[main], subStatus: `aftership:${main}`, mapped: true };
  }
  return {
    status: 'unknown',
    reason: null,
    actionRequired: false,
    subStatus: unmappedSubStatus('aftership', sub || main || 'none'),
    mapped: false,
  };
}
