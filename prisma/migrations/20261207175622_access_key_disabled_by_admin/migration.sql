-- AlterTable
ALTER TABLE "access_keys" ADD COLUMN     "disabled_by_admin" BOOLEAN NOT NULL DEFAULT false;
