"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { StaticTable, type StaticColumn } from "@/components/access/StaticTable";
import { Button } from "@/components/ui/Button";
import type { VerificationRunView } from "@/lib/services/audit/verification-run-view";
import { getVerificationData, RUN_POLL_MS, verificationKeys } from "./verification-run-query";

const PAGE_SIZE = 5;
const number = new Intl.NumberFormat("en-US");

interface RunsPage {
  items: VerificationRunView[];
  total: number;
  page: number;
  pageSize: number;
}

const COLUMNS: readonly StaticColumn<VerificationRunView>[] = [
  { header: "Started", cell: (run) => new Date(run.startedAt).toLocaleString("en-US"), className: "whitespace-nowrap" },
  { header: "Requested by", cell: (run) => run.requestedBy },
  { header: "Status", cell: (run) => run.status },
  {
    header: "Events verified",
    cell: (run) => `${number.format(run.checked)} of ${number.format(Number(run.headSeq))}`,
    className: "tabular-nums",
  },
  {
    header: "Finding",
    cell: (run) => (run.firstBadSeq ? `Event ${run.firstBadSeq}: ${run.problem}` : (run.problem ?? "")),
  },
];

/** The account's recent chain verifications (GET /api/v1/audit/verifications), refreshed while one runs. */
export function VerificationRunsTable() {
  const [page, setPage] = useState(1);
  const runs = useQuery({
    queryKey: verificationKeys.page(page),
    queryFn: () => getVerificationData<RunsPage>(`/api/v1/audit/verifications?page=${page}&pageSize=${PAGE_SIZE}`),
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.status === "RUNNING") ? RUN_POLL_MS : false),
  });
  if (runs.error) return <p className="text-sm text-danger-700">{runs.error.message}</p>;
  if (!runs.data) return <p className="text-sm text-slate-600">Loading recent verifications…</p>;
  if (runs.data.total === 0) return <p className="text-sm text-slate-600">No verification has been run yet.</p>;
  const last = Math.max(1, Math.ceil(runs.data.total / PAGE_SIZE));
  return (
    <div className="mt-4">
      <StaticTable
        caption="Recent verifications"
        columns={COLUMNS}
        rows={runs.data.items}
        rowKey={(run) => run.runId}
      />
      <nav aria-label="Verification pages" className="mt-2 flex items-center gap-3 text-xs text-slate-600">
        <Button size="sm" variant="ghost" onClick={() => setPage(page - 1)} disabled={page <= 1}>
          Previous
        </Button>
        <span className="tabular-nums">
          Page {page} of {last}
        </span>
        <Button size="sm" variant="ghost" onClick={() => setPage(page + 1)} disabled={page >= last}>
          Next
        </Button>
      </nav>
    </div>
  );
}
