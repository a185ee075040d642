import type { Pool } from 'pg';
import type { CanonicalOrder } from '@shiplink/domain';

// The order and all its lines in one statement (one round trip, one commit): this runs for every
// store event of every order. Lines are matched by the store's line id.
const UPSERT_ORDER = `
WITH o AS (
  INSERT INTO orders (id, store_id, external_id, order_number, store_status_id, store_status,
                      currency, canonical, store_modified_at, updated_at)
  VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, now())
  ON CONFLICT (store_id, external_id) DO UPDATE SET
    order_number = EXCLUDED.order_number, store_status_id = EXCLUDED.store_status_id,
    store_status = EXCLUDED.store_status, currency = EXCLUDED.currency,
    canonical = EXCLUDED.canonical, store_modified_at = EXCLUDED.store_modified_at, updated_at = now()
  RETURNING id
), l AS (
  INSERT INTO order_lines (id, order_id, external_id, external_address_id, sku, name, quantity, unit_price, weight)
  SELECT gen_random_uuid(), o.id, x.external_id, x.external_address_id, x.sku, x.name, x.quantity, x.unit_price, x.weight
  FROM o, unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::numeric[], $15::numeric[])
    AS x(external_id, external_address_id, sku, name, quantity, unit_price, weight)
  ON CONFLICT (order_id, external_id) DO UPDATE SET
    external_address_id = EXCLUDED.external_address_id, sku = EXCLUDED.sku, name = EXCLUDED.name,
    quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price, weight = EXCLUDED.weight
  RETURNING id, external_id, external_address_id, sku, quantity
)
SELECT (SELECT id FROM o) AS order_id,
       coalesce((SELECT json_agg(l) FROM l), '[]') AS lines,
       coalesce((SELECT json_agg(f) FROM fulfilment_orders f WHERE f.order_id = (SELECT id FROM o)), '[]') AS fulfilment`;

export interface UpsertedOrderRow {
  order_id: string;
  lines: {
    id: string;
    external_id: string;
    external_address_id: string;
    sku: string;
    quantity: number;
  }[];
  fulfilment: {
    id: string;
    order_id: string;
    connection_id: string;
    external_address_id: string;
    order_key: string;
    external_id: string | null;
    status: string | null;
    store_status_shown: number | null;
  }[];
}

export async function upsertOrderRow(
  pool: Pool,
  storeId: string,
  order: CanonicalOrder,
): Promise<UpsertedOrderRow> {
  const lines = order.lines;
  const result = await pool.query<UpsertedOrderRow>(UPSERT_ORDER, [
    storeId,
    order.externalId,
    order.orderNumber,
    order.storeStatusId,
    order.storeStatus,
    order.currency,
    JSON.stringify(order),
    new Date(order.modifiedAt).toISOString().replace('T', ' ').replace('Z', ''),
    lines.map((l) => l.externalId),
    lines.map((l) => l.addressExternalId),
    lines.map((l) => l.sku),
    lines.map((l) => l.name),
    lines.map((l) => l.quantity),
    lines.map((l) => l.unitPrice),
    lines.map((l) => l.weightGrams),
  ]);
  return result.rows[0]!;
}

const RECORD_EXPORT = `
INSERT INTO fulfilment_orders (id, order_id, connection_id, external_address_id, order_key, external_id, status, routing, ship_by, exported_at)
VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7::jsonb, $8::timestamp(3), now())
ON CONFLICT (order_id, connection_id, external_address_id) DO UPDATE SET
  external_id = EXCLUDED.external_id, status = EXCLUDED.status,
  routing = COALESCE(EXCLUDED.routing, fulfilment_orders.routing),
  ship_by = CASE WHEN $9::boolean THEN EXCLUDED.ship_by ELSE fulfilment_orders.ship_by END,
  exported_at = now()`;

export async function recordExportRow(
  pool: Pool,
  input: {
    orderId: string;
    connectionId: string;
    externalAddressId: string;
    orderKey: string;
    externalId: string;
    status: string;
    /** What the routing rules decided for this export; left out, the last decision stays. */
    routing?: unknown;
    /** When it should ship by, as the system says (null: no date); left out, it stays. */
    shipBy?: string | null;
  },
): Promise<void> {
  await pool.query(RECORD_EXPORT, [
    input.orderId,
    input.connectionId,
    input.externalAddressId,
    input.orderKey,
    input.externalId,
    input.status,
    input.routing === undefined ? null : JSON.stringify(input.routing),
    input.shipBy ? new Date(input.shipBy).toISOString().replace('T', ' ').replace('Z', '') : null,
    input.shipBy !== undefined,
  ]);
}
