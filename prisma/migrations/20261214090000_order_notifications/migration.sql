-- Order-level notifications: a message is about a subject (a parcel, or one thing that happened to an order), one per (subject, trigger, channel)
ALTER TABLE "notifications" ALTER COLUMN "shipment_id" DROP NOT NULL,
ADD COLUMN "subject_key" TEXT,
ADD COLUMN "facts" JSONB;

-- Every message so far was about a parcel: its subject is its shipment, so the old key and the new one name the same rows
UPDATE "notifications" SET "subject_key" = 'shipment:' || "shipment_id"::text;

ALTER TABLE "notifications" ALTER COLUMN "subject_key" SET NOT NULL;

-- A parcel's message has its shipment and an order's has none (not in the Prisma schema, which cannot say so)
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (("shipment_id" IS NOT NULL) = ("subject_key" LIKE 'shipment:%'));

DROP INDEX "notifications_shipment_id_trigger_channel_key";
CREATE UNIQUE INDEX "notifications_subject_key_trigger_channel_key" ON "notifications"("subject_key", "trigger", "channel");
CREATE INDEX "notifications_shipment_id_idx" ON "notifications"("shipment_id");
