-- SKU matches and the orders waiting for one, the warehouse's stock balances and the levels
-- last written to the store.
-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'released', 'dismissed');

-- CreateTable
CREATE TABLE "sku_mappings" (
    "id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "store_sku" TEXT NOT NULL,
    "fulfilment_sku" TEXT NOT NULL,
    "product_ref" TEXT,
    "source" TEXT NOT NULL,
    "mapped_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

CONSTRAINT "sku_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_reviews" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "skus" TEXT[],
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "resolved_by" TEXT,

CONSTRAINT "order_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_observations" (
    "connection_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "warehouse_ref" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "on_hand" INTEGER,
    "observed_at" TIMESTAMP(3) NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "stock_observations_pkey" PRIMARY KEY ("connection_id","sku","warehouse_ref")
);

-- CreateTable
CREATE TABLE "store_stock_levels" (
    "connection_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "location_ref" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "observed_at" TIMESTAMP(3) NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "store_stock_levels_pkey" PRIMARY KEY ("connection_id","sku","location_ref")
);

-- CreateIndex
CREATE UNIQUE INDEX "sku_mappings_connection_id_store_sku_key" ON "sku_mappings"("connection_id", "store_sku");

-- CreateIndex
CREATE INDEX "order_reviews_connection_id_status_idx" ON "order_reviews"("connection_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "order_reviews_order_id_connection_id_key" ON "order_reviews"("order_id", "connection_id");

-- AddForeignKey
ALTER TABLE "sku_mappings" ADD CONSTRAINT "sku_mappings_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_observations" ADD CONSTRAINT "stock_observations_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_stock_levels" ADD CONSTRAINT "store_stock_levels_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
