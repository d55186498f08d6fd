import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/context/service-context";
import { TokenBucketLimiter } from "@/lib/services/token-bucket-limiter";
import { encodeLogField } from "./log-field";

const MINUTE_MS = 60_000;

/** ANONYMOUS_REFUSAL_LIMIT: anonymous refusals answered per source address and minute (default 600). */
export function anonymousRefusalLimit(value = process.env.ANONYMOUS_REFUSAL_LIMIT): number {
  if (value === undefined || value === "") return 600;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) {
    throw new Error(`ANONYMOUS_REFUSAL_LIMIT must be a whole number from 1 to 1000000, not "${value}".`);
  }
  return limit;
}

let limiter: TokenBucketLimiter | undefined;

/**
 * Takes a token of the source address's anonymous-refusal bucket: false once it refused more than
 * ANONYMOUS_REFUSAL_LIMIT callers without credentials in the last minute (per process). Past that, the door
 * answers 429 without doing the work a refusal costs (lookups, the counter's write is still made).
 */
export function anonymousRefusalAllowed(sourceIp: string | null): boolean {
  limiter ??= new TokenBucketLimiter({ capacity: anonymousRefusalLimit(), perMs: MINUTE_MS });
  return limiter.take(sourceIp ?? "unknown");
}

/** The code a refusal's reason starts with ("UNAUTHENTICATED: …"), else its result. */
function refusalCode(reason: string | null | undefined, result: string): string {
  const code = /^([A-Z_]{1,40}):/.exec(reason ?? "")?.[1];
  return code ?? result;
}

/**
 * Counts one refusal that has no authenticated actor and concerns no tenant, in the caller's transaction:
 * one row per source address, minute, action and code. Such refusals are not chained: anyone on the network
 * could otherwise grow every chain (and lengthen its writers' lock queue) at will.
 */
export async function countAnonymousRefusal(
  tx: Prisma.TransactionClient,
  request: RequestMeta,
  refusal: { action: string; result: string; reason?: string | null },
  now = new Date(),
): Promise<void> {
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  const sourceIp = encodeLogField(request.sourceIp, 64) ?? "unknown";
  const action = encodeLogField(refusal.action, 100) ?? "";
  const code = refusalCode(refusal.reason, refusal.result);
  await tx.$executeRaw`
    INSERT INTO "anonymous_refusals" ("minute", "source_ip", "action", "code", "count")
    VALUES (${minute}::timestamptz, ${sourceIp}, ${action}, ${code}, 1)
    ON CONFLICT ("minute", "source_ip", "action", "code")
    DO UPDATE SET "count" = "anonymous_refusals"."count" + 1`;
}
