-- Exceptions a fulfilment system reports on an order (on hold, awaiting payment, rejected, delayed): one open row per kind
CREATE TABLE "fulfilment_exceptions" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "fulfilment_order_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "raw_status" TEXT NOT NULL,
    "detail" TEXT,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shown_at" TIMESTAMP(3),
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "fulfilment_exceptions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "fulfilment_exceptions_open_key" ON "fulfilment_exceptions"("fulfilment_order_id", "kind") WHERE "resolved_at" IS NULL;
CREATE INDEX "fulfilment_exceptions_order_id_idx" ON "fulfilment_exceptions"("order_id");
CREATE INDEX "fulfilment_exceptions_fulfilment_order_id_kind_idx" ON "fulfilment_exceptions"("fulfilment_order_id", "kind");

ALTER TABLE "fulfilment_exceptions" ADD CONSTRAINT "fulfilment_exceptions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "fulfilment_exceptions" ADD CONSTRAINT "fulfilment_exceptions_fulfilment_order_id_fkey" FOREIGN KEY ("fulfilment_order_id") REFERENCES "fulfilment_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The store status the hub last set because of a fulfilment change: that status coming back from the store is not sent on again
ALTER TABLE "fulfilment_orders" ADD COLUMN "store_status_shown" INTEGER;

-- When the fulfilment system says the order should have shipped by: an open order past it is late
ALTER TABLE "fulfilment_orders" ADD COLUMN "ship_by" TIMESTAMP(3);
CREATE INDEX "fulfilment_orders_connection_id_ship_by_idx" ON "fulfilment_orders"("connection_id", "ship_by");
