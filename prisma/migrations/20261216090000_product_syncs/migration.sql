-- Product sync: per fulfilment connection and SKU, the store values last given to the system (a digest), or waiting until the system knows the SKU
CREATE TYPE "ProductSyncState" AS ENUM ('synced', 'waiting', 'refused');

CREATE TABLE "product_syncs" (
    "connection_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "product_ref" TEXT NOT NULL,
    "state" "ProductSyncState" NOT NULL,
    "wanted_digest" TEXT NOT NULL,
    "synced_digest" TEXT,
    "reason" TEXT,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "checked_at" TIMESTAMP(3) NOT NULL,
    "next_check_at" TIMESTAMP(3),
    "synced_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "product_syncs_pkey" PRIMARY KEY ("connection_id","sku")
);

CREATE INDEX "product_syncs_connection_id_state_next_check_at_idx" ON "product_syncs"("connection_id", "state", "next_check_at");

ALTER TABLE "product_syncs" ADD CONSTRAINT "product_syncs_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
