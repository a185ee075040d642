/**
 * Posti's IFTSTA-based event codes, as `/shipment/status` and the tracking callbacks carry them
 * (`status_code` / `event`), with the English meanings Pakettikauppa publishes.
 */
export const POSTI_STATUS_CODES = {
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
} as const;

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
