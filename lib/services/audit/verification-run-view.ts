import type { AuditVerificationRun } from "@/lib/generated/prisma/client";

/** A verification run as the API shows it: its progress while RUNNING, its verdict once finished. */
export interface VerificationRunView {
  runId: string;
  status: AuditVerificationRun["status"];
  /** Set once finished: whether the chain verified. */
  ok?: boolean;
  /** Events verified so far (all of them when it passed; those before the first bad one when it failed). */
  checked: number;
  /** The chain head the run checks up to, read at its start (a string: it is a 64-bit number). */
  headSeq: string;
  /** The last sequence number verified so far. */
  reachedSeq: string;
  firstBadSeq?: string;
  problem?: string;
  requestedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export function verificationRunView(run: AuditVerificationRun): VerificationRunView {
  return {
    runId: run.id,
    status: run.status,
    ...(run.status === "RUNNING" ? {} : { ok: run.status === "PASSED" }),
    checked: Number(run.checked),
    headSeq: run.headSeq.toString(),
    reachedSeq: run.reachedSeq.toString(),
    ...(run.firstBadSeq === null ? {} : { firstBadSeq: run.firstBadSeq.toString() }),
    ...(run.problem === null ? {} : { problem: run.problem }),
    requestedBy: run.requestedByName,
    startedAt: run.startedAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
