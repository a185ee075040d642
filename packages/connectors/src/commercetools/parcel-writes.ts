import type { ParcelTracking, ParcelTrackingUpdate } from '@shiplink/domain';
import type { UpdateAction } from './client';
import { deliveriesOf } from './mapping';
import { PARCEL_FIELDS } from './parcel-type';
import type { CommercetoolsOrder, CommercetoolsParcel } from './schemas';
import type { CommercetoolsSettings } from './settings';

type FieldValues = Record<string, string | null>;

/** The store's DateTime form, so a value read back compares equal to the one we would write. */
const isoInstant = (value: string | null) => {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/** A date or date-time as the Date field takes it (`YYYY-MM-DD`, the day as the value gave it). */
const isoDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0]) || null;

const clip = (value: string | null, max: number) => (value ? value.slice(0, max) : null);

/** The values the parcel's fields should hold. */
export function parcelFieldValues(parcel: ParcelTracking): FieldValues {
  return {
    [PARCEL_FIELDS.status]: parcel.status,
    [PARCEL_FIELDS.subStatus]: clip(parcel.subStatus, 200),
    [PARCEL_FIELDS.lastEvent]: clip(parcel.lastEvent, 1_000),
    [PARCEL_FIELDS.lastEventAt]: isoInstant(parcel.lastEventAt),
    [PARCEL_FIELDS.estimatedDelivery]: isoDay(parcel.estimatedDelivery),
    [PARCEL_FIELDS.trackingUrl]: clip(parcel.trackingUrl, 2_000),
  };
}

/** A stored field value in the form we write (an enum value reads back as `{key, label}`). */
function storedValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && typeof (value as { key?: unknown }).key === 'string') {
    return (value as { key: string }).key;
  }
  if (typeof value === 'string')
    return /T\d{2}:/.test(value) ? (isoInstant(value) ?? value) : value;
  return JSON.stringify(value);
}

function parcelActions(
  parcel: CommercetoolsParcel,
  wanted: FieldValues,
  typeId: string,
): UpdateAction[] | 'foreign' {
  const custom = parcel.custom;
  if (!custom) {
    const fields = Object.fromEntries(Object.entries(wanted).filter(([, value]) => value !== null));
    return [
      {
        action: 'setParcelCustomType',
        parcelId: parcel.id,
        type: { typeId: 'type', id: typeId },
        fields,
      },
    ];
  }
  // A parcel carries one custom Type: someone else's is left alone, never replaced.
  if (custom.type.id !== typeId) return 'foreign';
  return Object.entries(wanted).flatMap(([name, value]): UpdateAction[] => {
    if (storedValue(custom.fields[name]) === value) return [];
    return [
      value === null
        ? { action: 'setParcelCustomField', parcelId: parcel.id, name }
        : { action: 'setParcelCustomField', parcelId: parcel.id, name, value },
    ];
  });
}

function returnActions(
  order: CommercetoolsOrder,
  parcel: CommercetoolsParcel,
  itemsOf: CommercetoolsParcel['items'],
  tracking: ParcelTracking,
): UpdateAction[] {
  const known = new Set(order.returnInfo.flatMap((info) => info.items.map((item) => item.key)));
  const lines = new Set(order.lineItems.map((line) => line.id));
  const items = (itemsOf ?? [])
    .filter((item) => lines.has(item.id) && item.quantity > 0)
    .map((item) => ({
      key: `shiplink-return-${parcel.id}-${item.id}`.slice(0, 256),
      lineItemId: item.id,
      quantity: item.quantity,
      shipmentState: 'Returned',
      comment: `Parcel ${tracking.trackingNumber} returned to sender`,
    }))
    .filter((item) => !known.has(item.key));
  if (items.length === 0) return [];
  return [
    {
      action: 'addReturnInfo',
      items,
      returnTrackingId: tracking.trackingNumber,
      ...(isoInstant(tracking.lastEventAt) ? { returnDate: isoInstant(tracking.lastEventAt) } : {}),
    },
  ];
}

export interface ParcelWritePlan {
  actions: UpdateAction[];
  missing: string[];
  foreign: string[];
}

/**
 * The update actions that bring the order in line with what the hub knows of its parcels: each
 * parcel's fields where they differ (a parcel without fields gets the hub's Type with them), a
 * return for a parcel back at the merchant (once: its items' keys are looked for first), and the
 * order's shipment state. Empty when the order holds all of it already.
 */
export function planParcelWrites(
  order: CommercetoolsOrder,
  update: ParcelTrackingUpdate,
  typeId: string,
  settings: Pick<CommercetoolsSettings, 'shipmentStates' | 'returns'>,
): ParcelWritePlan {
  const parcels = new Map(
    deliveriesOf(order).flatMap(({ delivery }) =>
      delivery.parcels.map((parcel) => [parcel.id, { parcel, delivery }] as const),
    ),
  );
  const plan: ParcelWritePlan = { actions: [], missing: [], foreign: [] };
  for (const tracking of update.parcels) {
    const found = parcels.get(tracking.shipmentRef);
    if (!found) {
      plan.missing.push(tracking.shipmentRef);
      continue;
    }
    const actions = parcelActions(found.parcel, parcelFieldValues(tracking), typeId);
    if (actions === 'foreign') plan.foreign.push(tracking.shipmentRef);
    else plan.actions.push(...actions);
    if (settings.returns && tracking.status === 'returned') {
      const items = found.parcel.items?.length ? found.parcel.items : found.delivery.items;
      plan.actions.push(...returnActions(order, found.parcel, items, tracking));
    }
  }
  const state = update.progress ? settings.shipmentStates[update.progress] : null;
  // A cancelled shipment is the merchant's decision, not the carrier's to undo.
  if (state && order.shipmentState !== state && order.shipmentState !== 'Canceled') {
    plan.actions.push({ action: 'changeShipmentState', shipmentState: state });
  }
  return plan;
}
