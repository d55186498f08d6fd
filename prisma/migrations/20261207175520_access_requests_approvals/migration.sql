-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "request_kind" ADD VALUE 'PACKAGE';
ALTER TYPE "request_kind" ADD VALUE 'ROLE';

-- AlterTable
ALTER TABLE "access_requests" ADD COLUMN     "days" INTEGER NOT NULL DEFAULT 180,
ADD COLUMN     "extends_grant_id" UUID,
ADD COLUMN     "grant_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "outcome_comment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "pending_until" TIMESTAMPTZ(3),
ADD COLUMN     "required_approvals" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "project_approval_settings" (
    "project_id" UUID NOT NULL,
    "approver_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "required_approvals" JSONB NOT NULL,
    "default_days" INTEGER NOT NULL DEFAULT 30,
    "label_default_days" INTEGER NOT NULL DEFAULT 180,
    "max_days" INTEGER NOT NULL DEFAULT 365,
    "pending_expiry_days" INTEGER NOT NULL DEFAULT 14,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "project_approval_settings_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expiry_marks" (
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expiry_marks_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "access_requests_status_pending_until_idx" ON "access_requests"("status", "pending_until");

-- CreateIndex
CREATE UNIQUE INDEX "approvals_request_id_approver_id_key" ON "approvals"("request_id", "approver_id");

-- AddForeignKey
ALTER TABLE "project_approval_settings" ADD CONSTRAINT "project_approval_settings_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
