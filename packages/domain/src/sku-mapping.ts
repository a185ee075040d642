/**
 * SKU mapping for fulfilment systems that only take orders for products they know (ShipHero).
 * A store SKU is matched to a product of the system and the match is kept; an order with a line
 * that has no match waits in review, and is never sent with a guessed SKU.
 */
import { linesFor, type CanonicalOrder, type Destination, type OrderLine } from './order';

export const SKU_MAPPING_SOURCES = ['matched', 'manual'] as const;
/** `matched`: the system has a product with the same SKU; `manual`: a person chose the product. */
export type SkuMappingSource = (typeof SKU_MAPPING_SOURCES)[number];

/** A store SKU matched to a product of one fulfilment connection. */
export interface SkuMapping {
  storeSku: string;
  /** The SKU the fulfilment system knows the product by. */
  fulfilmentSku: string;
  /** The system's id of the product, where it has one. */
  productRef: string | null;
  source: SkuMappingSource;
  /** Who chose a manual mapping. */
  mappedBy: string | null;
  mappedAt: string;
}

export const REVIEW_STATUSES = ['open', 'released', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * Why an order waits: `unmapped_sku` until every SKU has a match; `missing_sku` when a line has
 * no SKU at all, which no catalog can answer (the store's line has to be fixed, or the review
 * dismissed); `shipment_validation` when a carrier cannot be sent the order as it stands (an
 * address or contact to fix in the store, its problems in the review's details);
 * `carrier_outcome_unknown` when a carrier did not say whether it made the consignment (a
 * person looks in the carrier's admin before a retry sends it again).
 */
export const REVIEW_REASONS = [
  'unmapped_sku',
  'missing_sku',
  'shipment_validation',
  'carrier_outcome_unknown',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** Who resolved a review when no person did: the SKU appeared, or the store cancelled the order. */
export const AUTO_RESOLVER = 'auto';

const isBlank = (sku: string) => sku.trim() === '';

/** The distinct store SKUs of these lines, in line order. Lines without a SKU have none. */
export function storeSkusOf(lines: readonly OrderLine[]): string[] {
  return [...new Set(lines.flatMap((line) => (isBlank(line.sku) ? [] : [line.sku])))];
}

/** The store SKUs of the lines that ship to one destination. */
export function destinationSkus(order: CanonicalOrder, destination: Destination): string[] {
  return storeSkusOf(linesFor(order, destination.addressExternalId));
}

/** What keeps lines from a fulfilment system that only takes SKUs it knows. */
export interface SkuGaps {
  /** Distinct store SKUs without a mapping, in line order. */
  unmapped: string[];
  /** The store's ids of lines without a SKU: unmapped, whatever the catalog holds. */
  withoutSku: string[];
}

export function skuGaps(lines: readonly OrderLine[], mapped: ReadonlySet<string>): SkuGaps {
  return {
    unmapped: storeSkusOf(lines).filter((sku) => !mapped.has(sku)),
    withoutSku: lines.filter((line) => isBlank(line.sku)).map((line) => line.externalId),
  };
}

export const hasGaps = (gaps: SkuGaps): boolean =>
  gaps.unmapped.length > 0 || gaps.withoutSku.length > 0;

export const reviewReasonOf = (gaps: SkuGaps): ReviewReason =>
  gaps.withoutSku.length > 0 ? 'missing_sku' : 'unmapped_sku';

/** The SKUs a review waits for that still have no mapping. */
export function stillWaiting(skus: readonly string[], mapped: ReadonlySet<string>): string[] {
  return skus.filter((sku) => !mapped.has(sku));
}

/**
 * The lines as the fulfilment system is to see them: each store SKU replaced by its mapping's.
 * A line without a mapping keeps its SKU; callers send nothing before `skuGaps` is empty.
 */
export function withFulfilmentSkus(
  lines: readonly OrderLine[],
  mappings: readonly Pick<SkuMapping, 'storeSku' | 'fulfilmentSku'>[],
): OrderLine[] {
  const fulfilmentSkuOf = new Map(mappings.map((m) => [m.storeSku, m.fulfilmentSku]));
  return lines.map((line) => {
    const fulfilmentSku = isBlank(line.sku) ? undefined : fulfilmentSkuOf.get(line.sku);
    return fulfilmentSku === undefined || fulfilmentSku === line.sku
      ? line
      : { ...line, sku: fulfilmentSku };
  });
}

/** The order with every line's SKU substituted (see `withFulfilmentSkus`). */
export function orderWithFulfilmentSkus(
  order: CanonicalOrder,
  mappings: readonly Pick<SkuMapping, 'storeSku' | 'fulfilmentSku'>[],
): CanonicalOrder {
  return { ...order, lines: withFulfilmentSkus(order.lines, mappings) };
}

/**
 * Who released a review whose SKUs are all mapped now: the person behind the newest manual
 * mapping among the SKUs it waited for, else `auto` (the system had the products after all).
 */
export function releasedBy(
  waitedFor: readonly string[],
  mappings: readonly Pick<SkuMapping, 'storeSku' | 'source' | 'mappedBy' | 'mappedAt'>[],
): string {
  const waited = new Set(waitedFor);
  const manual = mappings
    .filter((m) => waited.has(m.storeSku) && m.source === 'manual' && m.mappedBy)
    .sort((a, b) => b.mappedAt.localeCompare(a.mappedAt));
  return manual[0]?.mappedBy ?? AUTO_RESOLVER;
}

/**
 * The trigger of the import that retries an order in review, at one version of the review (its
 * last change): the same state asks once, a later change (or a person's retry) asks again.
 */
export function reviewTrigger(reviewId: string, version: number): string {
  return `review-${reviewId}-${version}`;
}

/**
 * Warehouse levels in the store's SKUs: a fulfilment SKU that store SKUs are mapped onto under
 * other names feeds those; any other keeps its own name (the same SKU on both sides).
 */
export function levelsInStoreSkus<L extends { sku: string }>(
  levels: readonly L[],
  renamed: ReadonlyMap<string, readonly string[]>,
): L[] {
  return levels.flatMap((level) =>
    (renamed.get(level.sku) ?? [level.sku]).map((sku) => ({ ...level, sku })),
  );
}
