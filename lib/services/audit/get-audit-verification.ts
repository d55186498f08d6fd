import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { verificationRunView } from "./verification-run-view";

export const getAuditVerificationInput = z.object({
  runId: z.string().uuid("Give the run's id, as POST /api/v1/audit/verify answered it."),
});

/** One verification run of the caller's own tenant: its progress or verdict. Another tenant's is not found. */
export async function getAuditVerification(ctx: ServiceContext, input: z.output<typeof getAuditVerificationInput>) {
  await authorizePermission(ctx.actor, "audit.read");
  const run = await prisma.auditVerificationRun.findFirst({ where: { id: input.runId, tenantId: ctx.actor.tenantId } });
  if (!run) throw new AppError("NOT_FOUND", "That verification run was not found.");
  return verificationRunView(run);
}

export const getAuditVerificationEndpoint = defineEndpoint({
  name: "audit.verification.get",
  input: getAuditVerificationInput,
  permission: "audit.read",
  run: getAuditVerification,
});
