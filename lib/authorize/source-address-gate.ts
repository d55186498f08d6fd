import { checkSystemWhitelist, whitelistStep, type SecurityIndex, type Step } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";

/**
 * The IP whitelists on the way in, decided by the engine's whitelist layer for the CALLER's own address
 * (never an address a caller asks about, such as check access's hypothetical `sourceIp`).
 * INVARIANT: every project-scoped call passes refuseOutsideProjectWhitelist (projectInScope calls it), and
 * every call passes refuseOutsideSystemWhitelist (the one door and the page guard call it), reads included.
 */
export function refuseOutsideProjectWhitelist(index: SecurityIndex, request: RequestMeta): void {
  refuseDenied(whitelistStep(index, request.sourceIp ?? undefined));
}

/** The system-level whitelist alone, for calls about no project (the account, the caller themselves). */
export async function refuseOutsideSystemWhitelist(request: RequestMeta): Promise<void> {
  const entries =
    request.systemWhitelist ??
    (await prisma.whitelistEntry.findMany({ where: { scope: "SYSTEM" }, select: { value: true } })).map(
      (entry) => entry.value,
    );
  if (entries.length === 0) return;
  refuseDenied(checkSystemWhitelist(entries, request.sourceIp ?? undefined));
}

function refuseDenied(step: Step): void {
  if (step.verdict === "Deny") throw new AppError("FORBIDDEN", step.text, undefined, { steps: [step] });
}
