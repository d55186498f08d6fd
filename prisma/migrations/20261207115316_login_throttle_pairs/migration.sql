-- Counters are short-lived state with new keys ("pair:", "account:", "address:"): start them afresh.
DELETE FROM "login_throttles";

-- AlterTable
ALTER TABLE "login_throttles" DROP COLUMN "locked_until",
ADD COLUMN     "last_attempt_at" TIMESTAMPTZ(3) NOT NULL;
