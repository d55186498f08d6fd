-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "disabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "platform_operator" BOOLEAN NOT NULL DEFAULT false;
