"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { AuditChainVerification } from "@/lib/services/audit/verify-tenant-audit-chain";

type Outcome = { kind: "verdict"; verdict: AuditChainVerification } | { kind: "error"; message: string };

/** Runs POST /api/v1/audit/verify (the same endpoint as the API) and says what it found. */
export function VerifyChainButton() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function verify() {
    setBusy(true);
    try {
      const response = await fetch("/api/v1/audit/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const json = (await response.json()) as { data?: AuditChainVerification; error?: { message: string } };
      setOutcome(
        json.data
          ? { kind: "verdict", verdict: json.data }
          : { kind: "error", message: json.error?.message ?? `The verifier answered ${response.status}.` },
      );
    } catch {
      setOutcome({ kind: "error", message: "The console could not be reached. Try again." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={verify} disabled={busy}>
        {busy ? "Verifying…" : "Verify"}
      </Button>
      <p role="status" className="text-sm">
        {outcome === null ? null : outcome.kind === "error" ? (
          <span className="text-danger-700">{outcome.message}</span>
        ) : outcome.verdict.ok ? (
          <span className="text-success-700">
            OK: all {outcome.verdict.checked.toLocaleString("en-US")} events verify.
          </span>
        ) : (
          <span className="text-danger-700">
            Event {outcome.verdict.firstBadSeq} fails: {outcome.verdict.problem} (
            {outcome.verdict.checked.toLocaleString("en-US")} verified before it).
          </span>
        )}
      </p>
    </div>
  );
}
