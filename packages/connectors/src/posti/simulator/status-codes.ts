import { POSTI_EVENT_DESCRIPTIONS } from '../status-map';

/**
 * Posti's IFTSTA-based event codes, as `/shipment/status` and the tracking callbacks carry them
 * (`status_code` / `event`), with the English meanings Pakettikauppa publishes.
 */
export const POSTI_STATUS_CODES = POSTI_EVENT_DESCRIPTIONS;

/** One of Posti's event codes. */
export type PostiStatusCode = keyof typeof POSTI_STATUS_CODES;

/** The event codes, in the shape `z.enum` takes. */
export const STATUS_CODE_VALUES = Object.keys(POSTI_STATUS_CODES) as [
  PostiStatusCode,
  ...PostiStatusCode[],
];

/** Codes after which the parcel is in Posti's hands: a shipment with one can no longer be cancelled. */
export const PHYSICAL_STATUS_CODES: ReadonlySet<string> = new Set(
  STATUS_CODE_VALUES.filter((code) => code !== '68'),
);

/** The journeys `POST /__control/parcels/:trackingCode/run` plays. */
export const JOURNEYS = {
  /** Home delivery: pre-information, pick-up, transport, line haul, out for delivery, delivered. */
  home: ['68', '13', '31', '48', '71', '22'],
  /** To a pickup point: pre-information, pick-up, transport, arrived at the point, handed over. */
  pickup_point: ['68', '13', '31', '91', '22'],
} as const satisfies Record<string, readonly PostiStatusCode[]>;

/** The name of a journey. */
export type JourneyName = keyof typeof JOURNEYS;
