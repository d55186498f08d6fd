// Runs once when a server process starts (Next.js calls register() before serving, on its start in production).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerAudit } = await import("@/lib/audit/start-server-audit");
  startServerAudit();
  const { startWebhookDelivery } = await import("@/lib/webhooks/deliver-webhooks");
  startWebhookDelivery();
  const { startRequestExpirySchedule } = await import("@/lib/jobs/request-expiry-schedule");
  startRequestExpirySchedule();
  const { startReviewDeadlineSchedule } = await import("@/lib/jobs/review-deadline-schedule");
  startReviewDeadlineSchedule();
}
