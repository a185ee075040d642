-- A store's routing rules for fulfilment orders, in versions: the newest applies
CREATE TABLE "routing_rule_sets" (
    "store_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "saved_by" TEXT,
    "saved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_rule_sets_pkey" PRIMARY KEY ("store_id","version")
);

ALTER TABLE "routing_rule_sets" ADD CONSTRAINT "routing_rule_sets_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the routing rules decided for each exported fulfilment order (rule set version, rules applied, actions)
ALTER TABLE "fulfilment_orders" ADD COLUMN "routing" JSONB;
