import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { authorizeTenant } from "@/lib/authorize/authorize-tenant";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectHoldings, tenantUser } from "@/lib/services/tenants/support/tenant-user";
import { accessKeyIdField } from "./support/access-key-id-field";
import { ACCESS_KEY_VIEW } from "./support/access-key-records";

export const disableAccountAccessKeyInput = z.object({
  id: accessKeyIdField,
  /** Admins only disable a sub-account's key (PATCH { "status": "DISABLED" }); enabling is the owner's. */
  status: z.literal("DISABLED", "An admin may only set DISABLED."),
});

/**
 * Disables a key of a sub-account of the actor's own account, for good: its owner may not enable it again
 * (setOwnAccessKeyStatus), only delete it. Who may is who may disable that sub-account
 * itself (lib/authz/tenant-admin.ts, SetDisabled): disabling one of its keys is the lesser act on the same person.
 */
export async function disableAccountAccessKey(
  ctx: ServiceContext,
  input: z.output<typeof disableAccountAccessKeyInput>,
) {
  const found = await prisma.accessKey.findFirst({
    where: { id: input.id, user: { tenantId: ctx.actor.tenantId } },
    select: { userId: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "That AccessKey was not found.");
  const owner = await tenantUser(ctx, found.userId);
  authorizeTenant(ctx, {
    kind: "SetDisabled",
    target: {
      kind: owner.kind,
      isSelf: owner.isSelf,
      tenantRoles: owner.roles,
      projectHoldings: await projectHoldings(ctx, owner.id),
    },
  });
  return auditedTransaction(
    ctx,
    async (tx) => {
      const key = await tx.accessKey.findFirst({ where: { id: input.id, userId: owner.id }, select: ACCESS_KEY_VIEW });
      if (!key) throw new AppError("NOT_FOUND", "That AccessKey was not found.");
      const updated = await tx.accessKey.update({
        where: { id: key.id },
        data: { status: "DISABLED", disabledByAdmin: true },
        select: ACCESS_KEY_VIEW,
      });
      return { before: key.status, updated };
    },
    ({ before, updated }) => ({
      action: "access-key.disable-account",
      target: { type: "ACCESS_KEY", id: updated.id, name: owner.email },
      before: { status: before },
      after: { status: updated.status },
    }),
  ).then(({ updated }) => updated);
}

export const disableAccountAccessKeyEndpoint = defineEndpoint({
  name: "access-key.disable-account",
  input: disableAccountAccessKeyInput,
  permission: "tenant.manage",
  run: disableAccountAccessKey,
});
