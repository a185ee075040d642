import {
  isActionRequired,
  unmappedSubStatus,
  type Reason,
  type TrackingStatus,
} from '@shiplink/domain';

/** Bump when any row below changes, so stored events get re-derived from their raw codes. */
export const POSTI_MAPPING_VERSION = 'posti.1';

/** Every event code the Posti Shipping API documents (IFTSTA-based). */
export const POSTI_EVENT_CODES = [
  '13',
  '20',
  '22',
  '31',
  '38',
  '45',
  '48',
  '56',
  '68',
  '71',
  '77',
  '91',
  '99',
] as const;
export type PostiEventCode = (typeof POSTI_EVENT_CODES)[number];

/** Posti's own English texts, used as the event message (the events carry no text). */
export const POSTI_EVENT_DESCRIPTIONS = {
  '13': 'Item is collected from sender - picked up',
  '20': 'Exception',
  '22': 'Item has been handed over to the recipient',
  '31': 'Item is in transport',
  '38': 'C.O.D payment is paid to the sender',
  '45': 'Informed consignee of arrival',
  '48': 'Item is loaded onto a means of transport',
  '56': 'Item not delivered – delivery attempt made',
  '68': 'Pre-information is received from sender',
  '71': 'Item is ready for delivery transportation',
  '77': 'Item is returning to the sender',
  '91': 'Item is arrived to a post office',
  '99': 'Outbound',
} as const satisfies Record<PostiEventCode, string>;

export interface PostiMappedStatus {
  status: TrackingStatus;
  reason: Reason | null;
  actionRequired: boolean;
}

const to = (
  status: TrackingStatus,
  reason: Reason | null = null,
  actionRequired = isActionRequired(status),
): PostiMappedStatus => ({ status, reason, actionRequired });

/**
 * Every documented code. No Posti code states a cause (56 says an attempt was made, not why), so
 * no row claims a reason.
 *
 * The two informational codes still carry meaning, and mapping them to an earlier status would
 * move a shipment backwards (the newest event sets the current status):
 * - 38, C.O.D. paid to the sender: the consignee paid, which happens at handover, so it is
 *   evidence of delivery (AfterShip's Delivered_004 "COD collected" is the same idea). It comes
 *   after 22 and keeps the shipment delivered; where 22 never arrives it still ends the journey.
 * - 45, consignee informed of arrival: Posti's arrival notice (saapumisilmoitus) is what tells the
 *   customer the parcel can be collected, so it is available_for_pickup (action required), the
 *   same as 91 arriving at the post office or pickup point.
 */
export const POSTI_STATUS_MAP = {
  '13': to('picked_up'),
  '20': to('exception'),
  '22': to('delivered'),
  '31': to('in_transit'),
  '38': to('delivered'),
  '45': to('available_for_pickup'),
  '48': to('in_transit'),
  '56': to('attempt_failed'),
  '68': to('info_received'),
  '71': to('out_for_delivery'),
  '77': to('return_to_sender'),
  '91': to('available_for_pickup'),
  // Leaving Finland: still moving, now in another country's network.
  '99': to('in_transit'),
} as const satisfies Record<PostiEventCode, PostiMappedStatus>;

export interface PostiStatus extends PostiMappedStatus {
  /** `posti:<code>`, or `posti:CARRIER_STATUS_NOT_MAPPED:<raw>` for a code not in the table. */
  subStatus: string;
  /** False when the code is not in the table: counted as a mapping gap. */
  mapped: boolean;
}

export const isPostiEventCode = (value: string): value is PostiEventCode =>
  Object.hasOwn(POSTI_STATUS_MAP, value);

/**
 * A Posti event code → canonical status. Codes are compared without surrounding spaces or leading
 * zeros (`"091"` is 91). Unknown codes become `unknown`, raw code kept in `subStatus`; never
 * throws, because Posti may add IFTSTA codes without notice.
 */
export function mapPostiStatus(rawCode: string | number | null | undefined): PostiStatus {
  const raw = rawCode === null || rawCode === undefined ? '' : String(rawCode).trim();
  const code = /^\d+$/.test(raw) ? String(Number(raw)) : raw;
  if (isPostiEventCode(code)) {
    return { ...POSTI_STATUS_MAP[code], subStatus: `posti:${code}`, mapped: true };
  }
  return {
    status: 'unknown',
    reason: null,
    actionRequired: false,
    subStatus: unmappedSubStatus('posti', raw.slice(0, 50) || 'none'),
    mapped: false,
  };
}

/** Posti's text for a code, or null for codes it does not document. */
export function postiEventDescription(rawCode: string): string | null {
  const code = /^\d+$/.test(rawCode.trim()) ? String(Number(rawCode.trim())) : rawCode.trim();
  return isPostiEventCode(code) ? POSTI_EVENT_DESCRIPTIONS[code] : null;
}
