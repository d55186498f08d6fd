-- AlterTable
ALTER TABLE "label_grants" ADD COLUMN     "grantee_role_id" UUID,
ALTER COLUMN "grantee_user_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "project_roles" ADD COLUMN     "clearance" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "no_write_down" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "label_grants_grantee_role_id_idx" ON "label_grants"("grantee_role_id");

-- AddForeignKey
ALTER TABLE "label_grants" ADD CONSTRAINT "label_grants_grantee_role_id_fkey" FOREIGN KEY ("grantee_role_id") REFERENCES "project_roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
