import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import { sealSecret } from "@/lib/access-keys/secret-envelope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import { newWebhookSecret, webhookSecretBinding } from "@/lib/webhooks/webhook-secret";
import { webhookUrlField } from "./webhook-fields";

export const setWebhookInput = z.object({
  project: projectField,
  url: webhookUrlField,
  enabled: booleanField.default(true),
  /** A new signing secret even though one exists (the old one stops signing at once). */
  rotateSecret: booleanField.default(false),
});

/**
 * Sets the project's webhook. Its signing secret is made on the first setting (or when rotated) and is in this
 * answer only: the audit record and every later read hold the URL, never the secret.
 */
export async function setWebhook(ctx: ServiceContext, input: z.output<typeof setWebhookInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "EditWebhook" });
  return auditedTransaction(
    ctx,
    async (tx) => {
      const before = await tx.projectWebhook.findUnique({
        where: { projectId: project.id },
        select: { url: true, enabled: true },
      });
      const secret = !before || input.rotateSecret ? newWebhookSecret() : null;
      const fields = { url: input.url, enabled: input.enabled };
      const sealed = () => sealSecret(webhookSecretBinding(project.id), secret as string);
      if (!before) await tx.projectWebhook.create({ data: { projectId: project.id, ...fields, ...sealed() } });
      else
        await tx.projectWebhook.update({
          where: { projectId: project.id },
          data: { ...fields, ...(secret ? sealed() : {}) },
        });
      return { project: project.name, url: input.url, enabled: input.enabled, secret, before };
    },
    (result) => ({
      action: "webhook.set",
      projectId: project.id,
      target: { type: "WEBHOOK", id: project.id, name: result.url },
      before: result.before ?? undefined,
      after: { url: result.url, enabled: result.enabled, secretRotated: result.secret !== null },
    }),
  ).then(({ before: _before, ...result }) => result);
}

export const setWebhookEndpoint = defineEndpoint({
  name: "webhook.set",
  input: setWebhookInput,
  permission: "console.admin",
  run: setWebhook,
});
