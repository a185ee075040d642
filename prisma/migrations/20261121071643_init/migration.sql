-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('bigcommerce', 'shipstation', 'aftership');

-- CreateEnum
CREATE TYPE "WritebackStatus" AS ENUM ('pending', 'created', 'skipped');

-- CreateEnum
CREATE TYPE "InboxStatus" AS ENUM ('received', 'processed', 'ignored', 'dead_lettered');

-- CreateEnum
CREATE TYPE "DeadLetterStatus" AS ENUM ('open', 'replayed');

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stores" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "platform" "Provider" NOT NULL,
    "external_ref" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connections" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "provider" "Provider" NOT NULL,
    "base_url" TEXT NOT NULL,
    "credentials_enc" TEXT NOT NULL,
    "webhook_secret_enc" TEXT NOT NULL,
    "account_key" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_cursors" (
    "connection_id" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sync_cursors_pkey" PRIMARY KEY ("connection_id","resource")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    "store_status_id" INTEGER NOT NULL,
    "store_status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "canonical" JSONB NOT NULL,
    "store_modified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfilment_orders" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "external_address_id" TEXT NOT NULL,
    "order_key" TEXT NOT NULL,
    "external_id" TEXT,
    "status" TEXT,
    "exported_at" TIMESTAMP(3),

    CONSTRAINT "fulfilment_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "external_address_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(14,4) NOT NULL,
    "weight" DECIMAL(14,4),

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "fulfilment_order_id" UUID,
    "source" "Provider" NOT NULL,
    "source_id" TEXT NOT NULL,
    "tracking_number" TEXT,
    "carrier_code" TEXT,
    "store_carrier" TEXT,
    "service_code" TEXT,
    "shipping_method" TEXT,
    "shipping_cost" DECIMAL(14,4),
    "ship_date" TIMESTAMP(3),
    "voided" BOOLEAN NOT NULL DEFAULT false,
    "store_shipment_id" TEXT,
    "writeback_status" "WritebackStatus" NOT NULL DEFAULT 'pending',
    "writeback_note" TEXT,
    "raw" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_items" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "shipment_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_events" (
    "id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "provider" "Provider" NOT NULL,
    "topic" TEXT NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "status" "InboxStatus" NOT NULL DEFAULT 'received',
    "job_queue" TEXT,
    "job_name" TEXT,
    "job_id" TEXT,
    "job_payload" JSONB,
    "error" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "inbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "direction" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "correlation_id" TEXT,
    "provider" TEXT,
    "connection_id" UUID,
    "order_ref" TEXT,
    "method" TEXT,
    "endpoint" TEXT,
    "status" INTEGER,
    "duration_ms" INTEGER,
    "error" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dead_letters" (
    "id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "attempts_made" INTEGER NOT NULL,
    "status" "DeadLetterStatus" NOT NULL DEFAULT 'open',
    "failed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replay_count" INTEGER NOT NULL DEFAULT 0,
    "last_replayed_at" TIMESTAMP(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stores_tenant_id_idx" ON "stores"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "stores_platform_external_ref_key" ON "stores"("platform", "external_ref");

-- CreateIndex
CREATE INDEX "connections_tenant_id_idx" ON "connections"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "connections_store_id_provider_key" ON "connections"("store_id", "provider");

-- CreateIndex
CREATE INDEX "orders_store_id_order_number_idx" ON "orders"("store_id", "order_number");

-- CreateIndex
CREATE UNIQUE INDEX "orders_store_id_external_id_key" ON "orders"("store_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "fulfilment_orders_connection_id_order_key_key" ON "fulfilment_orders"("connection_id", "order_key");

-- CreateIndex
CREATE UNIQUE INDEX "fulfilment_orders_order_id_connection_id_external_address_i_key" ON "fulfilment_orders"("order_id", "connection_id", "external_address_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_lines_order_id_external_id_key" ON "order_lines"("order_id", "external_id");

-- CreateIndex
CREATE INDEX "shipments_tracking_number_idx" ON "shipments"("tracking_number");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_order_id_source_source_id_key" ON "shipments"("order_id", "source", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_items_shipment_id_order_line_id_key" ON "shipment_items"("shipment_id", "order_line_id");

-- CreateIndex
CREATE UNIQUE INDEX "inbox_events_dedup_key_key" ON "inbox_events"("dedup_key");

-- CreateIndex
CREATE INDEX "inbox_events_status_received_at_idx" ON "inbox_events"("status", "received_at");

-- CreateIndex
CREATE INDEX "audit_events_order_ref_occurred_at_idx" ON "audit_events"("order_ref", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_correlation_id_idx" ON "audit_events"("correlation_id");

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events"("occurred_at");

-- CreateIndex
CREATE INDEX "dead_letters_status_failed_at_idx" ON "dead_letters"("status", "failed_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letters_queue_job_id_key" ON "dead_letters"("queue", "job_id");

-- AddForeignKey
ALTER TABLE "stores" ADD CONSTRAINT "stores_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connections" ADD CONSTRAINT "connections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connections" ADD CONSTRAINT "connections_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfilment_orders" ADD CONSTRAINT "fulfilment_orders_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_fulfilment_order_id_fkey" FOREIGN KEY ("fulfilment_order_id") REFERENCES "fulfilment_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_items" ADD CONSTRAINT "shipment_items_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_items" ADD CONSTRAINT "shipment_items_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;
