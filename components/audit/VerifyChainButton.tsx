"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { VerificationRunView } from "@/lib/services/audit/verification-run-view";
import { getVerificationData, pollWhileRunning, verificationKeys } from "./verification-run-query";

const number = new Intl.NumberFormat("en-US");

/**
 * Runs POST /api/v1/audit/verify (the same endpoint as the API), which starts the tenant's verification or joins
 * the one running, then follows the run (GET /api/v1/audit/verify/{runId}) until it has a verdict: a chain of
 * millions of events takes minutes, and the auditor may leave and come back (the run goes on on the server).
 */
export function VerifyChainButton() {
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useQuery({
    queryKey: verificationKeys.run(runId ?? ""),
    queryFn: async () => {
      const view = await getVerificationData<VerificationRunView>(`/api/v1/audit/verify/${runId}`);
      if (view.status !== "RUNNING") void queryClient.invalidateQueries({ queryKey: verificationKeys.pages });
      return view;
    },
    enabled: runId !== null,
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  });

  async function verify() {
    setStarting(true);
    setError(null);
    try {
      const response = await fetch("/api/v1/audit/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const json = (await response.json()) as { data?: { runId: string }; error?: { message: string } };
      if (!json.data) throw new Error(json.error?.message ?? `The verifier answered ${response.status}.`);
      setRunId(json.data.runId);
      await queryClient.invalidateQueries({ queryKey: verificationKeys.pages });
    } catch (caught) {
      setError(
        caught instanceof TypeError ? "The console could not be reached. Try again." : (caught as Error).message,
      );
    } finally {
      setStarting(false);
    }
  }

  const view = run.data;
  const running = starting || view?.status === "RUNNING";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={verify} disabled={running}>
        {running ? "Verifying…" : "Verify"}
      </Button>
      <div role="status" className="text-sm">
        {error ? (
          <span className="text-danger-700">{error}</span>
        ) : run.error ? (
          <span className="text-danger-700">{run.error.message}</span>
        ) : view ? (
          <RunState view={view} />
        ) : null}
      </div>
    </div>
  );
}

function RunState({ view }: { view: VerificationRunView }) {
  const head = Number(view.headSeq);
  if (view.status === "RUNNING") {
    return (
      <span className="flex items-center gap-2">
        <progress max={Math.max(head, 1)} value={view.checked} aria-label="Events verified" className="w-40" />
        <span className="tabular-nums">
          {number.format(view.checked)} of {number.format(head)} events verified…
        </span>
      </span>
    );
  }
  if (view.ok) return <span className="text-success-700">OK: all {number.format(view.checked)} events verify.</span>;
  if (view.firstBadSeq === undefined) return <span className="text-danger-700">Not verified: {view.problem}.</span>;
  return (
    <span className="text-danger-700">
      Event {view.firstBadSeq} fails: {view.problem} ({number.format(view.checked)} verified before it).
    </span>
  );
}
