// npm run audit:verify [-- --heads <file>] — checks the audit trail of the database the environment names:
// every hash chain (each tenant's, the system chain and the legacy one; lib/audit/verify-audit-chain.ts), then the exported chain heads against it
// (lib/audit/verify-exported-heads.ts), read from --heads or AUDIT_HEAD_EXPORT_FILE (default
// .data/audit-heads.jsonl). Exit code 1 when anything fails. On PGlite, stop the server first (one process).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { auditChainKey } from "@/lib/audit/audit-chain-key";
import { headExportTarget } from "@/lib/audit/chain-head-export";
import { verifyAllAuditChains } from "@/lib/audit/verify-audit-chain";
import { verifyExportedHeads } from "@/lib/audit/verify-exported-heads";
import { disconnect, prisma } from "@/lib/db/client";

function headsFile(): string | undefined {
  const flag = process.argv.indexOf("--heads");
  if (flag !== -1) {
    const file = process.argv[flag + 1];
    if (!file) throw new Error("--heads needs a file name.");
    return path.resolve(file);
  }
  const target = headExportTarget();
  return "file" in target ? target.file : undefined;
}

async function main(): Promise<boolean> {
  const key = auditChainKey();
  const verdicts = await verifyAllAuditChains(prisma, { key });
  for (const { chainId, verdict } of verdicts) {
    if (verdict.ok) console.log(`Audit chain ${chainId}: ${verdict.checked} events verify.`);
    else
      console.error(
        `Audit chain ${chainId}: event ${verdict.firstBadSeq} fails: ${verdict.problem} ` +
          `(${verdict.checked} verified before it).`,
      );
  }
  const chain = { ok: verdicts.every(({ verdict }) => verdict.ok) };

  const file = headsFile();
  if (!file) {
    console.warn("Heads are exported to AUDIT_HEAD_EXPORT_URL: fetch them and pass the file with --heads.");
    return false;
  }
  if (!existsSync(file)) {
    console.warn(`No exported heads at ${file}: only the chain was checked.`);
    return chain.ok;
  }
  const heads = await verifyExportedHeads(prisma, readFileSync(file, "utf8"), key);
  if (heads.ok) console.log(`Exported heads: ${heads.checked} in ${file} match the database.`);
  for (const problem of heads.problems) console.error(`Exported heads: ${problem}`);
  return chain.ok && heads.ok;
}

try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(`audit:verify failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnect();
}
