-- Providers are named by the connector registry, not by a database enum, so a provider added to
-- the registry needs no migration. The hub checks every id against the registry before it writes
-- one, and the database keeps only the shape of an id.
ALTER TABLE "stores" ALTER COLUMN "platform" TYPE TEXT USING "platform"::TEXT;
ALTER TABLE "connections" ALTER COLUMN "provider" TYPE TEXT USING "provider"::TEXT;
ALTER TABLE "shipments" ALTER COLUMN "source" TYPE TEXT USING "source"::TEXT;
ALTER TABLE "inbox_events" ALTER COLUMN "provider" TYPE TEXT USING "provider"::TEXT;
DROP TYPE "Provider";

ALTER TABLE "stores" ADD CONSTRAINT "stores_platform_shape" CHECK ("platform" ~ '^[a-z][a-z0-9]{1,31}$');
ALTER TABLE "connections" ADD CONSTRAINT "connections_provider_shape" CHECK ("provider" ~ '^[a-z][a-z0-9]{1,31}$');
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_source_shape" CHECK ("source" ~ '^[a-z][a-z0-9]{1,31}$');
ALTER TABLE "inbox_events" ADD CONSTRAINT "inbox_events_provider_shape" CHECK ("provider" ~ '^[a-z][a-z0-9]{1,31}$');
