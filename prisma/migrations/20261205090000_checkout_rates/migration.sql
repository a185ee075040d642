-- Checkout rates: the key a store's shipping-carrier connection sends, and versioned rate rules
ALTER TABLE "stores" ADD COLUMN "checkout_key_hash" TEXT;

CREATE TABLE "rate_rule_sets" (
    "store_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "saved_by" TEXT,
    "saved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_rule_sets_pkey" PRIMARY KEY ("store_id","version")
);

ALTER TABLE "rate_rule_sets" ADD CONSTRAINT "rate_rule_sets_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
