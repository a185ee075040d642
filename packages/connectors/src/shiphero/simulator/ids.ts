import { randomBytes } from 'node:crypto';

/** The entities whose ids the simulator issues; `uuid(entity:)` takes the first group. */
export type ShipHeroEntity =
  | 'Account'
  | 'User'
  | 'Warehouse'
  | 'Order'
  | 'LineItem'
  | 'Return'
  | 'ReturnItem'
  | 'Product'
  | 'Shipment'
  | 'ShippedLineItem'
  | 'WarehouseProduct'
  | 'ShippingLabel'
  | 'Webhook';

/** ShipHero's ids are relay global ids: base64 of `Entity:legacyId`, e.g. `T3JkZXI6MTAwNTc5Njk4`. */
export const uuidOf = (entity: ShipHeroEntity, legacyId: number): string =>
  Buffer.from(`${entity}:${legacyId}`).toString('base64');

/** The entity and legacy id inside a uuid, or undefined for anything that is not one. */
export function parseUuid(id: string): { entity: string; legacyId: number } | undefined {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const match = /^([A-Za-z]+):(\d+)$/.exec(decoded);
  if (!match || Buffer.from(decoded).toString('base64') !== id) return undefined;
  return { entity: match[1]!, legacyId: Number(match[2]) };
}

/** Where each entity's legacy ids start, so they look like ShipHero's and never collide. */
const FIRST_LEGACY_ID: Record<ShipHeroEntity, number> = {
  Account: 75_560,
  User: 412_000,
  Warehouse: 76_733,
  Order: 100_579_698,
  LineItem: 828_656_700,
  Return: 9_804_000,
  ReturnItem: 14_620_000,
  Product: 31_845_000,
  Shipment: 315_518_042,
  ShippedLineItem: 612_400_000,
  WarehouseProduct: 42_870_000,
  ShippingLabel: 248_930_000,
  Webhook: 18_400,
};

/** Hands out legacy ids per entity, in increasing order like ShipHero's database sequences. */
export class LegacyIds {
  private next = new Map<ShipHeroEntity, number>();

  take(entity: ShipHeroEntity): { legacyId: number; id: string } {
    const legacyId = this.next.get(entity) ?? FIRST_LEGACY_ID[entity];
    this.next.set(entity, legacyId + 1);
    return { legacyId, id: uuidOf(entity, legacyId) };
  }

  reset(): void {
    this.next.clear();
  }
}

/** ShipHero's `request_id`s are 24 hex digits. */
export const freshRequestId = (): string => randomBytes(12).toString('hex');
