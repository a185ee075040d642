-- Carrier shipments (Posti consignments with labels), the connection a tracking is registered with, and review details
CREATE TYPE "CarrierShipmentStatus" AS ENUM ('requested', 'created', 'failed', 'uncertain');

CREATE TABLE "carrier_shipments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "external_address_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "status" "CarrierShipmentStatus" NOT NULL DEFAULT 'requested',
    "service_code" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "shipment_ref" TEXT,
    "reference" TEXT,
    "parcels" JSONB NOT NULL DEFAULT '[]',
    "consigned_at" TIMESTAMP(3),
    "label_pdf" BYTEA,
    "label_fetched_at" TIMESTAMP(3),
    "label_error" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "carrier_shipments_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "carrier_shipments_connection_id_request_id_key" ON "carrier_shipments"("connection_id", "request_id");
CREATE UNIQUE INDEX "carrier_shipments_order_id_connection_id_external_address_id_key" ON "carrier_shipments"("order_id", "connection_id", "external_address_id");
CREATE INDEX "carrier_shipments_connection_id_consigned_at_idx" ON "carrier_shipments"("connection_id", "consigned_at");

ALTER TABLE "carrier_shipments" ADD CONSTRAINT "carrier_shipments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "carrier_shipments" ADD CONSTRAINT "carrier_shipments_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "trackings" ADD COLUMN "connection_id" UUID;
CREATE INDEX "trackings_connection_id_idx" ON "trackings"("connection_id");
-- Every tracking so far was registered with its store's tracking service (AfterShip)
UPDATE "trackings" t SET "connection_id" = (
    SELECT c."id" FROM "connections" c
    WHERE c."store_id" = t."store_id" AND c."provider" = 'aftership'
    ORDER BY c."active" DESC, c."created_at" DESC
    LIMIT 1
);
ALTER TABLE "shipments" ADD COLUMN "tracking_url" TEXT;
ALTER TABLE "order_reviews" ADD COLUMN "details" TEXT;
