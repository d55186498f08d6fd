import { runExpiryJob } from "@/lib/services/requests/run-expiry-job";

const DEFAULT_INTERVAL_SECONDS = 60;

/**
 * Runs the access-request expiry job (lib/services/requests/run-expiry-job.ts) now and then every
 * REQUEST_EXPIRY_INTERVAL seconds (default 60; 0 turns it off), in every server process: the job claims its
 * rows, so instances running it at once do each thing once. A failed pass is reported and retried next tick.
 */
export function startRequestExpirySchedule(): { stop(): void } {
  const seconds = Number(process.env.REQUEST_EXPIRY_INTERVAL ?? DEFAULT_INTERVAL_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) return { stop: () => {} };
  const runOnce = () =>
    runExpiryJob().catch((error: unknown) => {
      console.error(`The request expiry job failed: ${(error as Error).message}`);
    });
  void runOnce();
  const timer = setInterval(runOnce, seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
