-- When each connection last heard from its provider, read per connection from the newest row
CREATE INDEX "inbox_events_connection_id_received_at_idx" ON "inbox_events"("connection_id", "received_at");
