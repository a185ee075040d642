-- Each parcel's delivery facts, kept on its tracking as its timeline grows, so that a delivery
-- report reads one row per parcel through an index instead of every status move of the tenant
ALTER TABLE "trackings"
  ADD COLUMN "first_scan_at" TIMESTAMP(3),
  ADD COLUMN "delivered_at" TIMESTAMP(3),
  ADD COLUMN "delivered_local_date" TEXT,
  ADD COLUMN "had_exception" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "had_failed_attempt" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "was_returned" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "first_estimated_delivery" TEXT;

-- The existing timelines, with the status lists of this release (domain DELIVERY_SIGNALS)
-- from now on the tracking repository keeps these columns. The first estimate of an existing
-- tracking is the one it has: earlier ones were not kept
UPDATE "trackings" t
SET "first_scan_at" = m.first_scan,
    "delivered_at" = m.delivered_at,
    "delivered_local_date" = left(k.occurred_at, 10),
    "had_exception" = m.exception,
    "had_failed_attempt" = m.failed_attempt,
    "was_returned" = m.returned
FROM (
  SELECT x.tracking_id,
         min(x.occurred_at_utc) FILTER (WHERE x.status IN ('picked_up', 'in_transit', 'delayed',
           'on_hold', 'out_for_delivery', 'available_for_pickup', 'attempt_failed', 'exception',
           'delivered', 'return_to_sender', 'returned', 'failed')) AS first_scan,
         min(x.occurred_at_utc) FILTER (WHERE x.status = 'delivered') AS delivered_at,
         (array_agg(x.event_identity ORDER BY x.occurred_at_utc)
            FILTER (WHERE x.status = 'delivered'))[1] AS delivered_identity,
         bool_or(x.status IN ('on_hold', 'exception', 'failed')) AS exception,
         bool_or(x.status = 'attempt_failed') AS failed_attempt,
         bool_or(x.status IN ('return_to_sender', 'returned')) AS returned
  FROM "tracking_transitions" x
  GROUP BY x.tracking_id
) m
LEFT JOIN "tracking_checkpoints" k
  ON k.tracking_id = m.tracking_id AND k.identity = m.delivered_identity
WHERE t.id = m.tracking_id;

UPDATE "trackings" SET "first_estimated_delivery" = "estimated_delivery"
WHERE "estimated_delivery" IS NOT NULL;

-- A store's parcels by when their transit began, and those never scanned (their ship date counts)
CREATE INDEX "trackings_store_id_first_scan_at_id_idx" ON "trackings"("store_id", "first_scan_at", "id");
CREATE INDEX "trackings_unscanned_store_id_id_idx" ON "trackings"("store_id", "id") WHERE "first_scan_at" IS NULL;
