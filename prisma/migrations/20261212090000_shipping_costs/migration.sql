-- What insuring a parcel cost, beside its label, for shipping cost reconciliation
ALTER TABLE "shipments" ADD COLUMN "insurance_cost" DECIMAL(14,4);

-- The reconciliation report reads a store's labels by when they were bought
CREATE INDEX "shipments_created_at_idx" ON "shipments"("created_at");
