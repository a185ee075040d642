import type { StockChange } from './catalog-events';
import {
  MAX_STOCK_LEVEL,
  type SimAdjustmentTransaction,
  type SimInventory,
  type SimStockItem,
} from './inventory-state';

/**
 * `PUT /v3/inventory/adjustments/absolute` and `POST /v3/inventory/adjustments/relative` as
 * BigCommerce answers them: a malformed payload is refused field by field; a well-formed one is
 * refused as a whole when any item names something unknown or stock tracked another way, with
 * every such item in the title; otherwise every item is applied in order and one transaction
 * is returned. A relative adjustment is also refused for items that never had an absolute level
 * at that location, and (the simulator's choice) for levels it would take out of 0..2^31-1.
 *
 * Documented titles: "[Item with variant_id 106 is tracked by product, please update stock by
 * product id]" and "Items with identity: [product_id 113] requires absolute adjustment before
 * relative"; the others follow their form.
 */

export const MAX_ADJUSTMENT_ITEMS = 2_000;
const IDENTIFIERS = ['sku', 'variant_id', 'product_id'] as const;

export type AdjustmentMethod = 'absolute' | 'relative';

export type AdjustmentAnswer =
  | { ok: true; transaction: SimAdjustmentTransaction; changes: StockChange[] }
  | { ok: false; title: string; errors?: Record<string, string> };

type Item = Record<string, unknown>;

const isRecord = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

function itemErrors(item: unknown, path: string, method: AdjustmentMethod): Record<string, string> {
  if (!isRecord(item)) return { [path]: 'must be an object' };
  const errors: Record<string, string> = {};
  const given = IDENTIFIERS.filter((name) => item[name] !== undefined);
  if (given.length !== 1) errors[path] = 'exactly one of sku, variant_id or product_id is required';
  if (item.sku !== undefined && (typeof item.sku !== 'string' || item.sku === '')) {
    errors[`${path}.sku`] = 'must be a non-empty string';
  }
  for (const name of ['variant_id', 'product_id'] as const) {
    if (item[name] !== undefined && !isId(item[name])) {
      errors[`${path}.${name}`] = 'must be a positive integer';
    }
  }
  if (item.location_id === undefined) errors[`${path}.location_id`] = 'error.path.missing';
  else if (!isId(item.location_id)) errors[`${path}.location_id`] = 'must be a positive integer';
  const { quantity } = item;
  const min = method === 'relative' ? -MAX_STOCK_LEVEL : 0;
  if (quantity === undefined) errors[`${path}.quantity`] = 'error.path.missing';
  else if (
    typeof quantity !== 'number' ||
    !Number.isInteger(quantity) ||
    quantity < min ||
    quantity > MAX_STOCK_LEVEL
  ) {
    errors[`${path}.quantity`] = `must be an integer from ${min} to ${MAX_STOCK_LEVEL}`;
  }
  return errors;
}

function payloadErrors(body: unknown, method: AdjustmentMethod): Record<string, string> {
  if (!isRecord(body) || !Array.isArray(body.items)) return { items: 'error.path.missing' };
  const errors: Record<string, string> = {};
  if (body.reason !== undefined && typeof body.reason !== 'string') {
    errors.reason = 'must be a string';
  }
  if (body.items.length === 0) errors.items = 'must contain at least 1 item';
  if (body.items.length > MAX_ADJUSTMENT_ITEMS) {
    errors.items = `must contain at most ${MAX_ADJUSTMENT_ITEMS} items`;
    return errors;
  }
  body.items.forEach((item, index) =>
    Object.assign(errors, itemErrors(item, `items.${index}`, method)),
  );
  return errors;
}

/** Who a well-formed item names, in the words of BigCommerce's titles, and what it finds. */
function identify(inventory: SimInventory, item: Item): { who: string; target?: SimStockItem } {
  if (typeof item.sku === 'string') {
    return { who: `Item with sku ${item.sku}`, target: inventory.findSku(item.sku) };
  }
  if (isId(item.variant_id)) {
    return {
      who: `Item with variant_id ${item.variant_id}`,
      target: inventory.findVariant(item.variant_id),
    };
  }
  const id = item.product_id as number;
  const product = inventory.products.get(id);
  return {
    who: `Item with product_id ${id}`,
    ...(product ? { target: { product, variant: null } } : {}),
  };
}

/** The stock item a well-formed item adjusts, or why it cannot be adjusted. */
function resolve(inventory: SimInventory, item: Item): SimStockItem | string {
  if (!inventory.locations.has(item.location_id as number)) {
    return `Location with id ${String(item.location_id)} does not exist`;
  }
  const { who, target } = identify(inventory, item);
  if (!target) return `${who} does not exist`;
  const tracking = target.product.inventory_tracking;
  if (tracking === 'none') {
    return `${who} has inventory tracking disabled, please enable inventory tracking`;
  }
  if (tracking === 'product' && target.variant) {
    return `${who} is tracked by product, please update stock by product id`;
  }
  if (tracking === 'variant' && !target.variant) {
    return `${who} is tracked by variant, please update stock by variant id`;
  }
  return target;
}

/** How a relative adjustment's refusal names an item: as it was sent (`product_id 113`). */
function identity(item: Item): string {
  const name = IDENTIFIERS.find((field) => item[field] !== undefined) ?? 'sku';
  return `${name} ${String(item[name])}`;
}

/** Why the relative quantities cannot apply in order, or nothing. */
function relativeProblem(
  inventory: SimInventory,
  items: Item[],
  targets: SimStockItem[],
): string | undefined {
  const unset = items.filter(
    (item, index) => !inventory.hasLevel(item.location_id as number, targets[index]!),
  );
  if (unset.length > 0) {
    return `Items with identity: [${unset.map(identity).join(', ')}] requires absolute adjustment before relative`;
  }
  const running = new Map<string, number>();
  const outOfRange: string[] = [];
  items.forEach((item, index) => {
    const target = targets[index]!;
    const location = item.location_id as number;
    const key = `${location}:${target.variant?.id ?? `p${target.product.id}`}`;
    const next =
      (running.get(key) ?? inventory.level(location, target)) + (item.quantity as number);
    running.set(key, next);
    if (next < 0 || next > MAX_STOCK_LEVEL) {
      outOfRange.push(
        `${identify(inventory, item).who} would have ${next} at location ${location}, outside 0 to ${MAX_STOCK_LEVEL}`,
      );
    }
  });
  return outOfRange.length > 0 ? `[${outOfRange.join(', ')}]` : undefined;
}

export function adjustInventory(
  inventory: SimInventory,
  body: unknown,
  method: AdjustmentMethod,
): AdjustmentAnswer {
  const errors = payloadErrors(body, method);
  if (Object.keys(errors).length > 0) {
    return { ok: false, title: 'Payload contains invalid fields', errors };
  }
  const { reason, items } = body as { reason?: string; items: Item[] };
  const resolved = items.map((item) => resolve(inventory, item));
  const problems = resolved.filter((outcome): outcome is string => typeof outcome === 'string');
  if (problems.length > 0) return { ok: false, title: `[${problems.join(', ')}]` };
  const targets = resolved as SimStockItem[];
  if (method === 'relative') {
    const problem = relativeProblem(inventory, items, targets);
    if (problem) return { ok: false, title: problem };
  }
  const changes = items.map((item, index): StockChange => {
    const target = targets[index]!;
    const location = item.location_id as number;
    const quantity = item.quantity as number;
    const level = method === 'relative' ? inventory.level(location, target) + quantity : quantity;
    return { item: target, delta: inventory.setLevel(location, target, level) };
  });
  return { ok: true, transaction: inventory.record(reason ?? '', items, method), changes };
}
