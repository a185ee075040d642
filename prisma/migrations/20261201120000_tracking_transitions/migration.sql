-- CreateTable
CREATE TABLE "tracking_transitions" (
    "id" UUID NOT NULL,
    "tracking_id" UUID NOT NULL,
    "from_status" TEXT,
    "status" TEXT NOT NULL,
    "sub_status" TEXT,
    "reason" TEXT,
    "action_required" BOOLEAN NOT NULL,
    "occurred_at_utc" TIMESTAMP(3) NOT NULL,
    "event_identity" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tracking_transitions_tracking_id_event_identity_key" ON "tracking_transitions"("tracking_id", "event_identity");

-- AddForeignKey
ALTER TABLE "tracking_transitions" ADD CONSTRAINT "tracking_transitions_tracking_id_fkey" FOREIGN KEY ("tracking_id") REFERENCES "trackings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the history starts with the status each tracking has now, brought by the checkpoint
-- that set it (or, where none matches, a key of the tracking's own), so that write-back still
-- sees the statuses it has not acted on yet.
INSERT INTO "tracking_transitions" ("id", "tracking_id", "from_status", "status", "sub_status", "reason", "action_required", "occurred_at_utc", "event_identity", "recorded_at")
SELECT gen_random_uuid(), t."id", NULL, t."status", t."sub_status", t."reason", t."action_required", t."status_occurred_at",
       COALESCE(
         (SELECT c."identity" FROM "tracking_checkpoints" c
           WHERE c."tracking_id" = t."id" AND c."status" = t."status" AND c."occurred_at_utc" = t."status_occurred_at"
           ORDER BY c."recorded_at" LIMIT 1),
         'current:' || t."id"::text),
       t."updated_at"
FROM "trackings" t
WHERE t."status_occurred_at" IS NOT NULL;
