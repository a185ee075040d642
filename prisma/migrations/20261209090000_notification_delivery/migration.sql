-- SMS delivery: the messaging connection a message went out through, and what the provider last said about it
ALTER TABLE "notifications" ADD COLUMN "connection_id" UUID,
ADD COLUMN "delivery_status" TEXT,
ADD COLUMN "delivery_at" TIMESTAMP(3);

CREATE INDEX "notifications_connection_id_provider_ref_idx" ON "notifications"("connection_id", "provider_ref");
CREATE INDEX "notifications_connection_id_delivery_status_sent_at_idx" ON "notifications"("connection_id", "delivery_status", "sent_at");
