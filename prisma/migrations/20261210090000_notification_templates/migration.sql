-- A store's own notification templates, in versions: the newest of each (trigger, channel, language) applies
CREATE TABLE "notification_templates" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT,
    "body" TEXT,
    "saved_by" TEXT,
    "saved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_templates_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "notification_templates_store_id_trigger_channel_language_ve_key" ON "notification_templates"("store_id", "trigger", "channel", "language", "version" DESC);

ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
