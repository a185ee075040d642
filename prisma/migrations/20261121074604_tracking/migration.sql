-- CreateEnum
CREATE TYPE "TrackingRegistration" AS ENUM ('pending', 'registered', 'replaced', 'removed', 'needs_review', 'failed');

-- CreateEnum
CREATE TYPE "CarrierResolution" AS ENUM ('mapped', 'detected', 'needs_review');

-- CreateTable
CREATE TABLE "trackings" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "order_number" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "slug" TEXT,
    "carrier_key" TEXT NOT NULL,
    "carrier_status" "CarrierResolution" NOT NULL,
    "carrier_candidates" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "aftership_id" TEXT,
    "registration" "TrackingRegistration" NOT NULL DEFAULT 'pending',
    "registration_note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sub_status" TEXT,
    "reason" TEXT,
    "action_required" BOOLEAN NOT NULL DEFAULT false,
    "status_occurred_at" TIMESTAMP(3),
    "mapping_version" TEXT,
    "last_event_at" TIMESTAMP(3),
    "last_polled_at" TIMESTAMP(3),
    "replaced_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trackings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_checkpoints" (
    "id" UUID NOT NULL,
    "tracking_id" UUID NOT NULL,
    "identity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sub_status" TEXT NOT NULL,
    "reason" TEXT,
    "action_required" BOOLEAN NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "occurred_at_is_local" BOOLEAN NOT NULL,
    "occurred_at_utc" TIMESTAMP(3) NOT NULL,
    "raw_code" TEXT,
    "raw_tag" TEXT,
    "message" TEXT,
    "location" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "mapping_version" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_anomalies" (
    "id" UUID NOT NULL,
    "tracking_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "detail" TEXT NOT NULL,
    "event_identity" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_anomalies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_writebacks" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "detail" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_writebacks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trackings_shipment_id_idx" ON "trackings"("shipment_id");

-- CreateIndex
CREATE INDEX "trackings_store_id_aftership_id_idx" ON "trackings"("store_id", "aftership_id");

-- CreateIndex
CREATE INDEX "trackings_store_id_tracking_number_idx" ON "trackings"("store_id", "tracking_number");

-- CreateIndex
CREATE INDEX "trackings_registration_last_event_at_idx" ON "trackings"("registration", "last_event_at");

-- CreateIndex
CREATE UNIQUE INDEX "trackings_order_id_carrier_key_tracking_number_key" ON "trackings"("order_id", "carrier_key", "tracking_number");

-- CreateIndex
CREATE INDEX "tracking_checkpoints_tracking_id_occurred_at_utc_idx" ON "tracking_checkpoints"("tracking_id", "occurred_at_utc");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_checkpoints_tracking_id_identity_key" ON "tracking_checkpoints"("tracking_id", "identity");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_anomalies_tracking_id_kind_event_identity_key" ON "tracking_anomalies"("tracking_id", "kind", "event_identity");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_writebacks_order_id_kind_key_key" ON "tracking_writebacks"("order_id", "kind", "key");

-- AddForeignKey
ALTER TABLE "trackings" ADD CONSTRAINT "trackings_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trackings" ADD CONSTRAINT "trackings_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_checkpoints" ADD CONSTRAINT "tracking_checkpoints_tracking_id_fkey" FOREIGN KEY ("tracking_id") REFERENCES "trackings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_anomalies" ADD CONSTRAINT "tracking_anomalies_tracking_id_fkey" FOREIGN KEY ("tracking_id") REFERENCES "trackings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_writebacks" ADD CONSTRAINT "tracking_writebacks_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
