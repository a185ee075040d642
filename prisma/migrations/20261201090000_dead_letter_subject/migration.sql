-- AlterTable
ALTER TABLE "dead_letters" ADD COLUMN     "subject" TEXT;

-- CreateIndex
CREATE INDEX "dead_letters_subject_status_idx" ON "dead_letters"("subject", "status");
