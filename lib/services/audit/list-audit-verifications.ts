import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { verificationRunView } from "./verification-run-view";

export const listAuditVerificationsInput = z.object({ ...paginationFields(10, 100) });

/** The caller's tenant's verification runs, newest first, a page at a time. */
export async function listAuditVerifications(ctx: ServiceContext, input: z.output<typeof listAuditVerificationsInput>) {
  await authorizePermission(ctx.actor, "audit.read");
  const where = { tenantId: ctx.actor.tenantId };
  const [rows, total] = await Promise.all([
    prisma.auditVerificationRun.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      ...pageWindow(input),
    }),
    prisma.auditVerificationRun.count({ where }),
  ]);
  return { items: rows.map(verificationRunView), total, page: input.page, pageSize: input.pageSize };
}

export const listAuditVerificationsEndpoint = defineEndpoint({
  name: "audit.verification.list",
  input: listAuditVerificationsInput,
  permission: "audit.read",
  run: listAuditVerifications,
});
