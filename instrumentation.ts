// Runs once when a server process starts (Next.js calls register() before serving).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { auditChainKey } = await import("@/lib/audit/audit-chain-key");
  // Refuses to start without the audit chain's key (a PostgreSQL deployment must set AUDIT_CHAIN_KEY),
  // rather than failing on the first audited request.
  auditChainKey();
  // scripts/serve.mjs names one process per server as the exporter, so heads are not exported once per worker.
  if (process.env.SC_AUDIT_HEAD_EXPORTER === "1") {
    const { startHeadExportSchedule } = await import("@/lib/audit/head-export-schedule");
    startHeadExportSchedule();
  }
}
