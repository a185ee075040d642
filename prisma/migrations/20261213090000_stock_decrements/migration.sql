-- Stock after shipments: one row per shipped item, so a replayed shipment never lowers store stock twice
CREATE TYPE "StockDecrementState" AS ENUM ('pending', 'attempting', 'applied', 'skipped', 'reverted');

CREATE TABLE "stock_decrements" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "shipment_ref" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_ref" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "state" "StockDecrementState" NOT NULL DEFAULT 'pending',
    "level_before" INTEGER,
    "note" TEXT,
    "applied_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stock_decrements_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "stock_decrements_connection_id_shipment_ref_item_key_key" ON "stock_decrements"("connection_id", "shipment_ref", "item_key");
CREATE INDEX "stock_decrements_store_id_created_at_idx" ON "stock_decrements"("store_id", "created_at");

ALTER TABLE "stock_decrements" ADD CONSTRAINT "stock_decrements_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stock_decrements" ADD CONSTRAINT "stock_decrements_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
