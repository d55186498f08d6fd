import { BACKGROUND_REQUEST_HEADER } from "@/lib/auth/session-lifetime";
import type { VerificationRunView } from "@/lib/services/audit/verification-run-view";

/** How often the console asks after a RUNNING verification. */
export const RUN_POLL_MS = 1_000;

/** Query keys: one run, and the pages of the list (`pages`: all of them, invalidated when a run starts or ends). */
export const verificationKeys = {
  run: (runId: string) => ["audit", "verification-run", runId] as const,
  pages: ["audit", "verification-runs"] as const,
  page: (page: number) => ["audit", "verification-runs", page] as const,
};

/** GET one API answer's `data`; a poll, so it does not count as activity that holds an idle session open. */
export async function getVerificationData<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json", [BACKGROUND_REQUEST_HEADER]: "1" } });
  const json = (await response.json()) as { data?: T; error?: { message: string } };
  if (!json.data) throw new Error(json.error?.message ?? `The console answered ${response.status}.`);
  return json.data;
}

export const pollWhileRunning = (run: VerificationRunView | undefined) =>
  run?.status === "RUNNING" ? RUN_POLL_MS : false;
