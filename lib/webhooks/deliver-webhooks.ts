import { prisma } from "@/lib/db/client";
import { openSecret } from "@/lib/access-keys/secret-envelope";
import { postWebhook } from "./post-webhook";
import { literalAddressProblem } from "./webhook-target";
import { SIGNATURE_HEADER, signWebhookBody } from "./webhook-signature";
import { webhookSecretBinding } from "./webhook-secret";

/** Attempts before a delivery is abandoned (kept, shown, never retried): about a day of backoff in all. */
export const MAX_ATTEMPTS = 10;
/** How long a claimed delivery is the claimer's: longer than one attempt can take (REQUEST_TIMEOUT_MS). */
const LEASE_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 10_000;
const BATCH = 20;

/** Wait before attempt n+1 after n failures: 10 s, 20 s, 40 s … at most 4 h. */
export const backoffSeconds = (failures: number) => Math.min(10 * 2 ** (failures - 1), 4 * 60 * 60);

interface Claimed {
  id: bigint;
  project_id: string;
  payload: unknown;
  attempts: number;
}

/**
 * Claims the due deliveries and sends them. Safe on several server processes at once: a claim moves the rows'
 * next attempt a lease ahead under FOR UPDATE SKIP LOCKED, so two senders never take the same row, and a sender
 * that dies mid-way leaves its rows to be retried when the lease ends. At-least-once: a receiver that saw a
 * delivery whose success was not recorded may see it again (the body's `delivery` id tells them apart).
 * Returns how many it claimed and how many of those the receivers accepted.
 */
export async function deliverDueWebhooks(now = new Date()): Promise<{ claimed: number; sent: number }> {
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries SET next_attempt_at = ${now}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT id FROM webhook_deliveries
      WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id, project_id, payload, attempts`;
  const results = await Promise.all(claimed.map((row) => deliverOne(row)));
  return { claimed: claimed.length, sent: results.filter(Boolean).length };
}

async function deliverOne(row: Claimed): Promise<boolean> {
  const webhook = await prisma.projectWebhook.findUnique({ where: { projectId: row.project_id } });
  const attempts = row.attempts + 1;
  const fail = (status: number | null, error: string) =>
    prisma.webhookDelivery.update({
      where: { id: row.id },
      data: {
        attempts,
        lastStatus: status,
        lastError: error.slice(0, 500),
        ...(attempts >= MAX_ATTEMPTS
          ? { abandonedAt: new Date() }
          : { nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000) }),
      },
    });
  if (!webhook?.enabled) {
    await fail(null, "The project's webhook is disabled.");
    return false;
  }
  const refused = literalAddressProblem(webhook.url);
  if (refused) {
    await fail(null, refused);
    return false;
  }
  const body = JSON.stringify({ delivery: String(row.id), ...(row.payload as object) });
  try {
    const status = await postWebhook(
      webhook.url,
      {
        "content-type": "application/json",
        "user-agent": "SecurityCenter-Webhook/1",
        "x-security-center-delivery": String(row.id),
        [SIGNATURE_HEADER]: signWebhookBody(openSecret(webhookSecretBinding(row.project_id), webhook), body),
      },
      body,
      REQUEST_TIMEOUT_MS,
    );
    if (status >= 200 && status < 300) {
      await prisma.webhookDelivery.update({
        where: { id: row.id },
        data: { attempts, deliveredAt: new Date(), lastStatus: status, lastError: null },
      });
      return true;
    }
    await fail(status, `The receiver answered ${status}.`);
  } catch (error) {
    await fail(null, (error as Error).message);
  }
  return false;
}

/**
 * Sends due deliveries every few seconds for as long as the process lives (started at server start, in every
 * server process: the claims keep them apart). A failing round is logged and the next one tries again.
 */
export function startWebhookDelivery(intervalMs = 3_000): { stop(): void } {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      while ((await deliverDueWebhooks()).claimed === BATCH);
    } catch (error) {
      console.error(`Webhook delivery failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
