import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";

export const removeWebhookInput = z.object({ project: projectField });

/** Removes the project's webhook, its secret and its deliveries' history (undelivered ones are not sent). */
export async function removeWebhook(ctx: ServiceContext, input: z.output<typeof removeWebhookInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "EditWebhook" });
  return auditedTransaction(
    ctx,
    async (tx) => {
      const removed = await tx.projectWebhook.deleteMany({ where: { projectId: project.id } });
      if (removed.count === 0) throw new AppError("NOT_FOUND", `${project.name} has no webhook.`);
      return { project: project.name, removed: true };
    },
    () => ({ action: "webhook.remove", projectId: project.id, target: { type: "WEBHOOK", id: project.id } }),
  );
}

export const removeWebhookEndpoint = defineEndpoint({
  name: "webhook.remove",
  input: removeWebhookInput,
  permission: "console.admin",
  run: removeWebhook,
});
