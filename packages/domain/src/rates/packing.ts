import { type CartItem } from './cart';
import { MAX_PARCELS, type ServiceLimits } from './service';
import { MM3_PER_LITRE, cmToMm, kgToMg, mgToKg, mmToCm } from './units';

/**
 * How a cart becomes parcels for one service. Parcels are estimated, not packed: each unit lies
 * on its smallest side and units of a parcel stack up, so a parcel is as long and wide as its
 * largest unit and as high as its units together. Units go heaviest first into the first parcel
 * they fit (weight with the box, longest side, girth), and a new parcel opens when none has
 * room, up to the service's parcel limit. A unit that does not fit an empty parcel excludes the
 * service: no split makes it fit.
 */

export interface Parcel {
  /** Contents plus the box (`packing.tareKg`). */
  weightKg: number;
  /** Estimated outer size, longest side first. */
  dimensionsCm: [number, number, number];
  /** Of that estimated box. */
  volumeLitres: number;
  items: { sku: string; quantity: number }[];
}

export const PACKING_EXCLUSIONS = [
  'item_too_heavy',
  'item_too_long',
  'item_too_large',
  'too_many_parcels',
] as const;
export type PackingExclusion = (typeof PACKING_EXCLUSIONS)[number];

export type PackingResult =
  { ok: true; parcels: Parcel[] } | { ok: false; reason: PackingExclusion; detail: string };

/** A unit's measures in mg and mm, sides sorted longest first. */
interface Unit {
  sku: string;
  quantity: number;
  weight: number;
  sides: [number, number, number];
}

/** A parcel being filled: contents weight, largest long and middle sides, stacked height. */
interface OpenParcel {
  weight: number;
  long: number;
  middle: number;
  height: number;
  items: Map<string, number>;
}

interface Caps {
  weight: number;
  length: number;
  girth: number;
  lengthPlusGirth: number;
}

const shapeOf = (parcel: Pick<OpenParcel, 'long' | 'middle' | 'height'>) =>
  [parcel.long, parcel.middle, parcel.height].sort((a, b) => b - a) as [number, number, number];

/** What would break if `count` units joined the parcel; undefined when they fit. */
function overflow(parcel: OpenParcel, unit: Unit, count: number, caps: Caps) {
  if (parcel.weight + unit.weight * count > caps.weight) return 'weight' as const;
  const [length, middle, short] = shapeOf({
    long: Math.max(parcel.long, unit.sides[0]),
    middle: Math.max(parcel.middle, unit.sides[1]),
    height: parcel.height + unit.sides[2] * count,
  });
  if (length > caps.length) return 'length' as const;
  const girth = 2 * (middle + short);
  if (girth > caps.girth || length + girth > caps.lengthPlusGirth) return 'size' as const;
  return undefined;
}

/** The most of `remaining` units that fit the parcel (fitting only gets harder with more). */
function room(parcel: OpenParcel, unit: Unit, remaining: number, caps: Caps): number {
  if (overflow(parcel, unit, remaining, caps) === undefined) return remaining;
  let fits = 0;
  let breaks = remaining;
  while (breaks - fits > 1) {
    const middle = Math.floor((fits + breaks) / 2);
    if (overflow(parcel, unit, middle, caps) === undefined) fits = middle;
    else breaks = middle;
  }
  return fits;
}

const emptyParcel = (): OpenParcel => ({
  weight: 0,
  long: 0,
  middle: 0,
  height: 0,
  items: new Map(),
});

function add(parcel: OpenParcel, unit: Unit, count: number): void {
  parcel.weight += unit.weight * count;
  parcel.long = Math.max(parcel.long, unit.sides[0]);
  parcel.middle = Math.max(parcel.middle, unit.sides[1]);
  parcel.height += unit.sides[2] * count;
  parcel.items.set(unit.sku, (parcel.items.get(unit.sku) ?? 0) + count);
}

function refusal(
  unit: Unit,
  why: 'weight' | 'length' | 'size',
  limits: ServiceLimits,
  tareMg: number,
) {
  if (why === 'weight') {
    return {
      reason: 'item_too_heavy' as const,
      detail: `${unit.sku} weighs ${mgToKg(unit.weight + tareMg)} kg packed; the limit is ${limits.maxWeightKg} kg`,
    };
  }
  if (why === 'length') {
    return {
      reason: 'item_too_long' as const,
      detail: `${unit.sku} is ${mmToCm(unit.sides[0])} cm long; the limit is ${limits.maxLengthCm} cm`,
    };
  }
  return {
    reason: 'item_too_large' as const,
    detail: `${unit.sku} (${unit.sides.map(mmToCm).join(' × ')} cm) is over the size limit`,
  };
}

export function packParcels(
  items: readonly CartItem[],
  limits: ServiceLimits,
  tareKg: number,
): PackingResult {
  const tare = kgToMg(tareKg);
  const caps: Caps = {
    weight: kgToMg(limits.maxWeightKg) - tare,
    length: cmToMm(limits.maxLengthCm),
    girth: limits.maxGirthCm === undefined ? Infinity : cmToMm(limits.maxGirthCm),
    lengthPlusGirth:
      limits.maxLengthPlusGirthCm === undefined ? Infinity : cmToMm(limits.maxLengthPlusGirthCm),
  };
  const maxParcels = limits.maxParcels ?? MAX_PARCELS;
  const units: Unit[] = items
    .filter((item) => item.quantity > 0)
    .map((item) => ({
      sku: item.sku,
      quantity: item.quantity,
      weight: kgToMg(item.weightKg),
      sides: [item.lengthCm, item.widthCm, item.heightCm].map(cmToMm).sort((a, b) => b - a) as [
        number,
        number,
        number,
      ],
    }))
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        b.sides[0] * b.sides[1] * b.sides[2] - a.sides[0] * a.sides[1] * a.sides[2] ||
        a.sku.localeCompare(b.sku),
    );

  const parcels: OpenParcel[] = [];
  for (const unit of units) {
    const alone = overflow(emptyParcel(), unit, 1, caps);
    if (alone) return { ok: false, ...refusal(unit, alone, limits, tare) };
    let remaining = unit.quantity;
    for (const parcel of parcels) {
      if (remaining === 0) break;
      const count = room(parcel, unit, remaining, caps);
      if (count > 0) add(parcel, unit, count);
      remaining -= count;
    }
    while (remaining > 0) {
      if (parcels.length === maxParcels) {
        return {
          ok: false,
          reason: 'too_many_parcels',
          detail: `the cart needs more than ${maxParcels} parcel${maxParcels === 1 ? '' : 's'}`,
        };
      }
      const parcel = emptyParcel();
      const count = room(parcel, unit, remaining, caps);
      add(parcel, unit, count);
      parcels.push(parcel);
      remaining -= count;
    }
  }

  return {
    ok: true,
    parcels: parcels.map((parcel) => {
      const shape = shapeOf(parcel);
      return {
        weightKg: mgToKg(parcel.weight + tare),
        dimensionsCm: shape.map(mmToCm) as [number, number, number],
        volumeLitres: (shape[0] * shape[1] * shape[2]) / MM3_PER_LITRE,
        items: [...parcel.items].map(([sku, quantity]) => ({ sku, quantity })),
      };
    }),
  };
}

/** A parcel's longest side, volume and weight in the engine's integer units, for surcharges. */
export const parcelMeasures = (parcel: Parcel) => ({
  weight: kgToMg(parcel.weightKg),
  longest: cmToMm(parcel.dimensionsCm[0]),
  volume: Math.round(parcel.volumeLitres * MM3_PER_LITRE),
});
