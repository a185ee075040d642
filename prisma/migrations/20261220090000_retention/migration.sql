-- Retention: when a finished parcel's timeline (checkpoints, status moves, anomalies) was pruned,
-- so the pruner never visits it again, and the indexes that find what has outlived its window
ALTER TABLE "trackings" ADD COLUMN "timeline_pruned_at" TIMESTAMP(3);

CREATE INDEX "trackings_unpruned_status_occurred_at_idx" ON "trackings"("status_occurred_at") WHERE "timeline_pruned_at" IS NULL;
CREATE INDEX "notifications_created_at_idx" ON "notifications"("created_at");
