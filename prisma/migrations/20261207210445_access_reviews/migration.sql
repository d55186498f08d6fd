-- CreateEnum
CREATE TYPE "AccessReviewStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('PENDING', 'KEEP', 'REVOKE');

-- CreateTable
CREATE TABLE "access_reviews" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "started_by_id" UUID NOT NULL,
    "started_by_name" TEXT NOT NULL,
    "reviewer_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scope_principal" TEXT NOT NULL DEFAULT '',
    "scope_object_prefix" TEXT NOT NULL DEFAULT '',
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "status" "AccessReviewStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "closed_reason" TEXT NOT NULL DEFAULT '',
    "closed_by_name" TEXT NOT NULL DEFAULT '',
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "kept_count" INTEGER NOT NULL DEFAULT 0,
    "revoked_count" INTEGER NOT NULL DEFAULT 0,
    "expired_count" INTEGER NOT NULL DEFAULT 0,
    "stale_count" INTEGER NOT NULL DEFAULT 0,
    "reminded_at" TIMESTAMPTZ(3),

    CONSTRAINT "access_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_review_items" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "grant_id" UUID NOT NULL,
    "grantee_type" TEXT NOT NULL,
    "grantee_user_id" UUID,
    "grantee_role_id" UUID,
    "principal" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_name" TEXT NOT NULL,
    "privilege" TEXT NOT NULL DEFAULT '',
    "level" INTEGER,
    "columns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expires_at" TIMESTAMPTZ(3),
    "decision" "ReviewDecision" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" UUID,
    "decided_by_name" TEXT NOT NULL DEFAULT '',
    "comment" TEXT NOT NULL DEFAULT '',
    "decided_at" TIMESTAMPTZ(3),
    "outcome" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "access_review_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_reviews_project_id_created_at_idx" ON "access_reviews"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "access_reviews_status_deadline_idx" ON "access_reviews"("status", "deadline");

-- CreateIndex
CREATE INDEX "access_review_items_review_id_decision_idx" ON "access_review_items"("review_id", "decision");

-- CreateIndex
CREATE UNIQUE INDEX "access_review_items_review_id_position_key" ON "access_review_items"("review_id", "position");

-- AddForeignKey
ALTER TABLE "access_reviews" ADD CONSTRAINT "access_reviews_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "access_reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
