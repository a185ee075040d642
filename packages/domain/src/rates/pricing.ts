import { type Money } from '../money';
import { SUBTOTAL_DECIMALS, fromUnits, priceUnits, toUnits } from './amounts';
import { parcelMeasures, type Parcel } from './packing';
import { type BandPricing, type RateService, type Surcharge } from './service';
import { MM3_PER_LITRE, cmToMm, kgToMg } from './units';

/**
 * What a service costs for its parcels, in one currency, line by line: each parcel's weight
 * band and surcharges, a fee per parcel after the first, or one flat rate; then free-above,
 * which makes the whole shipment free. Everything is summed in cents.
 */

export const PRICE_LINE_KINDS = ['band', 'surcharge', 'extra_parcel', 'flat', 'free'] as const;
export type PriceLineKind = (typeof PRICE_LINE_KINDS)[number];

export interface PriceLine {
  kind: PriceLineKind;
  /** For the admin's dry run, in English ("Parcel 2 (7.5 kg): band up to 10 kg"). */
  label: string;
  /** Negative only for `free`. */
  amount: Money;
  /** 1-based, for per-parcel lines. */
  parcel?: number;
}

export type Pricing =
  | { ok: true; lines: PriceLine[]; amount: Money; free: boolean }
  | { ok: false; reason: 'not_priced_in_currency' | 'no_band'; detail: string };

const surchargeApplies = (surcharge: Surcharge, parcel: Parcel) => {
  const { when } = surcharge;
  const measured = parcelMeasures(parcel);
  return (
    (when.minLongestSideCm === undefined || measured.longest >= cmToMm(when.minLongestSideCm)) &&
    (when.minVolumeLitres === undefined ||
      measured.volume >= Math.round(when.minVolumeLitres * MM3_PER_LITRE)) &&
    (when.minWeightKg === undefined || measured.weight >= kgToMg(when.minWeightKg))
  );
};

const surchargeLabel = (surcharge: Surcharge) => {
  if (surcharge.label) return surcharge.label;
  const { minLongestSideCm, minVolumeLitres, minWeightKg } = surcharge.when;
  const conditions = [
    minLongestSideCm === undefined ? undefined : `longest side ≥ ${minLongestSideCm} cm`,
    minVolumeLitres === undefined ? undefined : `volume ≥ ${minVolumeLitres} l`,
    minWeightKg === undefined ? undefined : `weight ≥ ${minWeightKg} kg`,
  ].filter((condition) => condition !== undefined);
  return `surcharge (${conditions.join(', ')})`;
};

type Lines = { ok: true; lines: PriceLine[] } | Extract<Pricing, { ok: false }>;

/** A currency's table, own keys only (a record parsed from JSON has a prototype). */
const tableFor = <T>(pricing: Record<string, T>, currency: string): T | undefined =>
  Object.hasOwn(pricing, currency) ? pricing[currency] : undefined;

function bandLines(pricing: BandPricing, parcels: readonly Parcel[]): Lines {
  const lines: PriceLine[] = [];
  for (const [index, parcel] of parcels.entries()) {
    const number = index + 1;
    const weight = kgToMg(parcel.weightKg);
    const band = pricing.bands.find((b) => b.upToKg === null || weight <= kgToMg(b.upToKg));
    if (!band) {
      return {
        ok: false,
        reason: 'no_band',
        detail: `parcel ${number} weighs ${parcel.weightKg} kg, over the last band`,
      };
    }
    const bandName = band.upToKg === null ? 'open band' : `band up to ${band.upToKg} kg`;
    lines.push({
      kind: 'band',
      label: `Parcel ${number} (${parcel.weightKg} kg): ${bandName}`,
      amount: band.price,
      parcel: number,
    });
    if (index > 0 && pricing.perExtraParcel !== undefined) {
      lines.push({
        kind: 'extra_parcel',
        label: `Parcel ${number}: extra parcel`,
        amount: pricing.perExtraParcel,
        parcel: number,
      });
    }
    for (const surcharge of pricing.surcharges) {
      if (!surchargeApplies(surcharge, parcel)) continue;
      lines.push({
        kind: 'surcharge',
        label: `Parcel ${number}: ${surchargeLabel(surcharge)}`,
        amount: surcharge.add,
        parcel: number,
      });
    }
  }
  return { ok: true, lines };
}

function linesFor(
  service: RateService,
  currency: string,
  parcels: readonly Parcel[],
): Lines | undefined {
  if (service.kind === 'flat') {
    const table = tableFor(service.pricing, currency);
    return table && { ok: true, lines: [{ kind: 'flat', label: 'Flat rate', amount: table.flat }] };
  }
  const table = tableFor(service.pricing, currency);
  return table && bandLines(table, parcels);
}

/**
 * The service's price for these parcels in `currency`; `subtotal` is the cart's, in units of
 * 10^-SUBTOTAL_DECIMALS of that currency.
 */
export function priceService(
  service: RateService,
  currency: string,
  parcels: readonly Parcel[],
  subtotal: number,
): Pricing {
  const priced = linesFor(service, currency, parcels);
  if (!priced) {
    return {
      ok: false,
      reason: 'not_priced_in_currency',
      detail: `${service.code} has no ${currency} prices`,
    };
  }
  if (!priced.ok) return priced;

  const cents = priced.lines.reduce((sum, line) => sum + priceUnits(line.amount), 0);
  const threshold = service.freeAbove?.find((t) => t.currency === currency);
  if (threshold && cents > 0 && subtotal >= (toUnits(threshold.amount, SUBTOTAL_DECIMALS) ?? 0)) {
    const line: PriceLine = {
      kind: 'free',
      label: `Free at or above ${threshold.amount} ${currency}`,
      amount: fromUnits(-cents),
    };
    return { ok: true, lines: [...priced.lines, line], amount: fromUnits(0), free: true };
  }
  return { ok: true, lines: priced.lines, amount: fromUnits(cents), free: false };
}
