-- The customer tracking page: one opaque link per order, stores found by slug and by their own host names
CREATE TABLE "tracking_page_tokens" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_sealed" TEXT NOT NULL,
    "language" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "tracking_page_tokens_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "tracking_page_tokens_token_hash_key" ON "tracking_page_tokens"("token_hash");
CREATE INDEX "tracking_page_tokens_order_id_idx" ON "tracking_page_tokens"("order_id");
-- One live link per order: a revoked one makes room for the next
CREATE UNIQUE INDEX "tracking_page_tokens_live_order_key" ON "tracking_page_tokens"("order_id") WHERE "revoked_at" IS NULL;

ALTER TABLE "tracking_page_tokens" ADD CONSTRAINT "tracking_page_tokens_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE UNIQUE INDEX "stores_tracking_page_slug_key" ON "stores" (("settings"->'trackingPage'->>'slug')) WHERE ("settings"->'trackingPage'->>'slug') IS NOT NULL;
CREATE INDEX "stores_tracking_page_domains_idx" ON "stores" USING GIN (("settings"->'trackingPage'->'domains'));
