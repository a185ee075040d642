-- Stock moved by the hub, one row per item: a shipped item lowers the store's stock, a returned one raises it, once each whatever is replayed
CREATE TYPE "StockMovementState" AS ENUM ('pending', 'attempting', 'applied', 'skipped', 'reverted');

CREATE TABLE "stock_movements" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "source_ref" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_ref" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "state" "StockMovementState" NOT NULL DEFAULT 'pending',
    "level_before" INTEGER,
    "note" TEXT,
    "applied_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stock_movements_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "stock_movements_connection_id_source_ref_item_key_key" ON "stock_movements"("connection_id", "source_ref", "item_key");
CREATE INDEX "stock_movements_store_id_created_at_idx" ON "stock_movements"("store_id", "created_at");

ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
