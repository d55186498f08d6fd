import { currentMasterKey } from "@/lib/access-keys/master-key";
import { auditChainKey } from "./audit-chain-key";
import { startHeadExportSchedule } from "./head-export-schedule";
import { startVerifySchedule } from "./verify-schedule";
import { startVerificationRunner } from "./verification-runs/verification-runner";

/** EX_CONFIG: scripts/serve.mjs does not restart a worker that exits with it, since a restart cannot help. */
const EXIT_CONFIGURATION = 78;

/**
 * What a server process needs of the audit trail before it serves, called from instrumentation.ts at start.
 * Without the chain's key or the AccessKey master key (a PostgreSQL deployment must set AUDIT_CHAIN_KEY and
 * ACCESS_KEY_MASTER_KEY) or with a bad export setting, the
 * process exits with the reason, rather than serving and failing every audited request. Next.js only logs an
 * error thrown here, so exiting is the way to refuse.
 */
export function startServerAudit(): void {
  try {
    auditChainKey();
    // The AccessKey master key likewise (ACCESS_KEY_MASTER_KEY): signed calls cannot be verified without it.
    currentMasterKey();
    // scripts/serve.mjs names one process per server as the exporter, so heads are not exported once per worker.
    // It also runs the scheduled chain verification (verify-schedule.ts), for the same reason.
    // On-demand verification runs (POST /api/v1/audit/verify) go on in every process: their claims keep them apart.
    startVerificationRunner();
    if (process.env.SC_AUDIT_HEAD_EXPORTER === "1") {
      startHeadExportSchedule();
      startVerifySchedule();
    }
  } catch (error) {
    console.error(`Security Center cannot start: ${(error as Error).message}`);
    process.exit(EXIT_CONFIGURATION);
  }
}
