import { advanceVerificationRun, claimVerificationRun } from "./run-verification";

/** Pages one tick may walk in all (≈ 2 s at 45,000 events/s), so a tick never holds its process for long. */
export const TICK_PAGES = 20;
const INTERVAL_MS = 2_000;

/**
 * One tick of the runner: claims RUNNING runs nobody holds (new ones, released ones, those whose runner died)
 * and walks them on until the tick's pages are spent. Returns the pages walked.
 */
export async function runVerificationTick(now?: Date): Promise<number> {
  let walked = 0;
  while (walked < TICK_PAGES) {
    const claim = await claimVerificationRun({ now });
    if (!claim) break;
    // At least one page per claim, even an abandonment's none: the loop ends when no run is left to claim.
    walked += Math.max(1, (await advanceVerificationRun(claim, { pages: TICK_PAGES - walked })).pages);
  }
  return walked;
}

/**
 * Walks audit verification runs every two seconds, and on without a pause while there is more than a tick's
 * work, for as long as the process lives, in every server process (the claims keep them apart; on PGlite there
 * is one). A failing tick is logged; its run's lease lapses and the run is resumed from its last saved page.
 */
export function startVerificationRunner(intervalMs = INTERVAL_MS): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // A tick that spent its whole budget left work: the next one starts at once, not an interval later.
      while ((await runVerificationTick()) >= TICK_PAGES);
    } catch (error) {
      console.error(`The audit verification runner failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
