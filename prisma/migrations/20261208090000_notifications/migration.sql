-- Notifications to customers: one per (shipment, trigger, channel), and the recipients who opted out
CREATE TYPE "NotificationState" AS ENUM ('pending', 'sending', 'sent', 'skipped', 'failed', 'uncertain');

CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" "NotificationState" NOT NULL DEFAULT 'pending',
    "recipient_hash" TEXT NOT NULL,
    "recipient_masked" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "provider_ref" TEXT,
    "note" TEXT,
    "not_before" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "notifications_shipment_id_trigger_channel_key" ON "notifications"("shipment_id", "trigger", "channel");
CREATE INDEX "notifications_order_id_idx" ON "notifications"("order_id");
CREATE INDEX "notifications_store_id_created_at_idx" ON "notifications"("store_id", "created_at");

ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_opt_outs" (
    "store_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient_hash" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_opt_outs_pkey" PRIMARY KEY ("store_id","channel","recipient_hash")
);

ALTER TABLE "notification_opt_outs" ADD CONSTRAINT "notification_opt_outs_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
