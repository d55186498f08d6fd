-- No code created AccessKeys before this migration, so the table is empty and the column can be NOT NULL.
-- AlterTable
ALTER TABLE "access_keys" ADD COLUMN     "wrapped_data_key" BYTEA NOT NULL;
