-- Parcel fields written back to stores that keep tracking per parcel, and the newest store message acted on per resource
ALTER TABLE "trackings" ADD COLUMN "estimated_delivery" TEXT, ADD COLUMN "tracking_url" TEXT;

CREATE TABLE "resource_sequences" (
    "connection_id" UUID NOT NULL,
    "resource_ref" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "resource_sequences_pkey" PRIMARY KEY ("connection_id","resource_ref")
);

ALTER TABLE "resource_sequences" ADD CONSTRAINT "resource_sequences_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
