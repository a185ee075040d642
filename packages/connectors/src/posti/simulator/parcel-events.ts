import type { CallbackDelivery, PostiCallbacks } from './callbacks';
import { helsinkiDateTime } from './helsinki-time';
import { findPickupPoint } from './pickup-points';
import type { ParcelEvent, ParcelRecord, ShipmentRecord } from './records';
import { JOURNEYS, type JourneyName, type PostiStatusCode } from './status-codes';
import type { ParcelOf, PostiSimState } from './state';

/** An event as `/shipment/status` lists it and a callback's `object` carries it: all strings. */
export interface ParcelEventJson {
  message_created: string;
  reference: string;
  tracking_code: string;
  measured_weight: string;
  measured_volume: string;
  status_code: string;
  receiver_name: string;
  event_timestamp: string;
  postcode: string;
  post_office: string;
}

/** What the control API says about an event; the rest is filled in from the shipment. */
export interface EventInput {
  statusCode: PostiStatusCode;
  postOffice?: string;
  postcode?: string;
  receiverName?: string;
  /** When it happened (ms); now unless given. */
  eventAt?: number;
}

/** A recorded event and the callback it set off, if the shipment asked for callbacks. */
export interface RecordedEvent {
  event: ParcelEventJson;
  callback: CallbackDelivery | undefined;
}

/** Posti's parcel terminals, by postal region (the postcode's first digit). */
const TERMINALS: Record<string, { postcode: string; postOffice: string }> = {
  '2': { postcode: '20360', postOffice: 'TURKU' },
  '3': { postcode: '33470', postOffice: 'YLÖJÄRVI' },
  '9': { postcode: '90620', postOffice: 'OULU' },
};
const terminalFor = (postcode: string) =>
  TERMINALS[postcode.charAt(0)] ?? { postcode: '01690', postOffice: 'VANTAA' };

/** Where an event with `code` happens, by default: sender, terminal, pickup point or recipient. */
function placeOf(shipment: ShipmentRecord, code: string) {
  const at = (party: { postcode: string; city: string }) => ({
    postcode: party.postcode,
    postOffice: party.city.toUpperCase(),
  });
  const point = shipment.pickupPointId ? findPickupPoint(shipment.pickupPointId) : undefined;
  switch (code) {
    case '68':
    case '13':
    case '38':
      return at(shipment.sender);
    case '31':
    case '48':
    case '99':
      return terminalFor(shipment.sender.postcode);
    case '20':
    case '77':
      return terminalFor(shipment.recipient.postcode);
    case '45':
    case '91':
      return point ? at(point) : at(shipment.recipient);
    case '22':
      return point && shipment.parcels.some((parcel) => hasCode(parcel, '91'))
        ? at(point)
        : at(shipment.recipient);
    default:
      return at(shipment.recipient);
  }
}

const hasCode = (parcel: ParcelRecord, code: string) =>
  parcel.events.some((event) => event.statusCode === code);

/** The event as Posti renders it. */
export function eventJson(
  shipment: ShipmentRecord,
  parcel: ParcelRecord,
  event: ParcelEvent,
): ParcelEventJson {
  return {
    message_created: helsinkiDateTime(event.messageAt),
    reference: shipment.reference,
    tracking_code: parcel.trackingCode,
    measured_weight: event.measuredWeight,
    measured_volume: event.measuredVolume,
    status_code: event.statusCode,
    receiver_name: event.receiverName,
    event_timestamp: helsinkiDateTime(event.eventAt),
    postcode: event.postcode,
    post_office: event.postOffice,
  };
}

/** The journey a parcel takes by default: to its pickup point if it has one, else home. */
export const defaultJourney = (shipment: ShipmentRecord): JourneyName =>
  shipment.pickupPointId ? 'pickup_point' : 'home';

/** Records parcel events and sends their callbacks; plays whole journeys. */
export class ParcelEvents {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: PostiSimState,
    private readonly callbacks: PostiCallbacks,
    private readonly now: () => number,
  ) {}

  record({ shipment, parcel }: ParcelOf, input: EventInput): RecordedEvent {
    const place = placeOf(shipment, input.statusCode);
    // Posti weighs and measures a parcel when it picks it up; pre-information carries zeros.
    const measured = input.statusCode !== '68' || hasCode(parcel, '13');
    const event: ParcelEvent = {
      statusCode: input.statusCode,
      eventAt: input.eventAt ?? this.now(),
      messageAt: this.now(),
      postcode: input.postcode ?? place.postcode,
      postOffice: input.postOffice ?? place.postOffice,
      receiverName:
        input.receiverName ?? (input.statusCode === '22' ? shipment.recipient.name1 : ''),
      measuredWeight: measured ? String(parcel.weightKg) : '0',
      measuredVolume: measured && parcel.volumeM3 !== undefined ? String(parcel.volumeM3) : '0',
    };
    parcel.events.push(event);
    const json = eventJson(shipment, parcel, event);
    const account = this.state.account(shipment.apiKey);
    const callback =
      shipment.callbackUrl && account
        ? this.callbacks.send({
            url: shipment.callbackUrl,
            apiKey: account.apiKey,
            secret: account.secret,
            trackingCode: parcel.trackingCode,
            statusCode: input.statusCode,
            event: { ...json },
            timestampSeconds: Math.floor(this.now() / 1_000),
          })
        : undefined;
    return { event: json, callback };
  }

  /**
   * Plays `journey` from where the parcel is: steps it already has are skipped, `until` stops
   * after that code. COD shipments end with 38 (payment passed to the sender). With `stepDelayMs`
   * the steps after the first are recorded that far apart in real time; without, at once, their
   * event times a minute apart and ending now.
   */
  run(
    of: ParcelOf,
    journey: JourneyName,
    options: { until?: PostiStatusCode; stepDelayMs?: number } = {},
  ): { recorded: RecordedEvent[]; scheduled: PostiStatusCode[] } {
    const steps: PostiStatusCode[] = [...JOURNEYS[journey]];
    if (of.shipment.cashOnDelivery) steps.push('38');
    const stop = options.until ? steps.indexOf(options.until) : -1;
    const todo = steps
      .slice(0, stop >= 0 ? stop + 1 : undefined)
      .filter((code) => !hasCode(of.parcel, code));
    const delay = options.stepDelayMs ?? 0;
    if (delay <= 0) {
      const start = this.now() - (todo.length - 1) * 60_000;
      return {
        recorded: todo.map((statusCode, index) =>
          this.record(of, { statusCode, eventAt: start + index * 60_000 }),
        ),
        scheduled: [],
      };
    }
    const [first, ...later] = todo;
    later.forEach((statusCode, index) => {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          if (of.shipment.cancelledAt === undefined) this.record(of, { statusCode });
        },
        delay * (index + 1),
      );
      this.timers.add(timer);
    });
    return { recorded: first ? [this.record(of, { statusCode: first })] : [], scheduled: later };
  }

  /** True when no journey step is waiting. */
  idle(): boolean {
    return this.timers.size === 0;
  }

  /** Stops journeys still under way. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
