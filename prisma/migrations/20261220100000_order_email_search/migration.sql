-- Order search by the customer's e-mail (the console's Orders screen) reads one index range
CREATE INDEX "orders_store_id_customer_email_idx" ON "orders"("store_id", lower("canonical" #>> '{customer,email}'));
