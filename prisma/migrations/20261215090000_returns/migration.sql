-- Returns, whatever reported them, with their items and the one refund each may get
CREATE TABLE "order_returns" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT,
    "tracking_number" TEXT,
    "received_at" TIMESTAMP(3),
    "refund_state" TEXT NOT NULL,
    "refund_ref" TEXT,
    "refund_total" DECIMAL(14,4),
    "refund_note" TEXT,
    "approved_by" TEXT,
    "approved_at" TIMESTAMP(3),
    "refunded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_returns_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "order_returns_order_id_source_source_ref_key" ON "order_returns"("order_id", "source", "source_ref");
CREATE INDEX "order_returns_store_id_refund_state_idx" ON "order_returns"("store_id", "refund_state");

CREATE TABLE "order_return_items" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "condition" TEXT,
    "restock" BOOLEAN NOT NULL,

    CONSTRAINT "order_return_items_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "order_return_items_return_id_order_line_id_key" ON "order_return_items"("return_id", "order_line_id");

ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_return_items" ADD CONSTRAINT "order_return_items_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "order_returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_return_items" ADD CONSTRAINT "order_return_items_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;
