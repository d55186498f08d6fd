import { runReviewDeadlineJob } from "@/lib/services/reviews/run-review-deadline-job";

const DEFAULT_INTERVAL_SECONDS = 60;

/**
 * Runs the access-review deadline job (lib/services/reviews/run-review-deadline-job.ts) now and then every
 * REVIEW_DEADLINE_INTERVAL seconds (default 60; 0 turns it off), in every server process: the job claims each
 * review it closes, so instances running it at once do each thing once. A failed pass is reported and retried
 * next tick.
 */
export function startReviewDeadlineSchedule(): { stop(): void } {
  const seconds = Number(process.env.REVIEW_DEADLINE_INTERVAL ?? DEFAULT_INTERVAL_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) return { stop: () => {} };
  const runOnce = () =>
    runReviewDeadlineJob().catch((error: unknown) => {
      console.error(`The access-review deadline job failed: ${(error as Error).message}`);
    });
  void runOnce();
  const timer = setInterval(runOnce, seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
