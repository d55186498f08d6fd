"use client";

import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/Alert";
import { FormError } from "@/components/ui/FormError";
import { Select } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type Saved = { url: string; enabled: boolean; secret: string | null };
type SetAction = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;

/**
 * Sets the project's webhook (PUT /api/v1/projects/{project}/webhook). The signing secret is in the answer only
 * when it is made (the first time, or rotated), so it is shown here that once.
 */
export function WebhookForm({
  action,
  project,
  current,
}: {
  action: SetAction;
  project: string;
  current: { url: string; enabled: boolean } | null;
}) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) toast(`Webhook of ${project} saved`, { tone: "success" });
  }, [state, project]);
  const secret = state?.ok ? state.data?.secret : null;

  return (
    <form action={submit} className="grid gap-4" aria-label="Set the webhook">
      <FormError state={state} />
      {secret ? (
        <Alert tone="warn" title="Copy the signing secret now" role="status">
          It is shown this once. Receivers check each delivery&apos;s x-security-center-signature header with it:{" "}
          <code className="break-all" data-testid="webhook-secret">
            {secret}
          </code>
        </Alert>
      ) : null}
      <input type="hidden" name="project" value={project} />
      <TextInput
        label="URL"
        name="url"
        required
        maxLength={2048}
        defaultValue={fieldValue(state, "url") ?? current?.url ?? ""}
        error={fieldError(state, "url")}
        placeholder="https://hooks.example.com/security-center"
        hint="Each audited change of the project is POSTed here as JSON, signed with HMAC-SHA-256."
        inputClassName="font-mono"
      />
      <Select
        label="Deliveries"
        name="enabled"
        defaultValue={String(current?.enabled ?? true)}
        options={[
          { value: "true", label: "Sent" },
          { value: "false", label: "Paused (changes are not queued)" },
        ]}
        error={fieldError(state, "enabled")}
      />
      {current ? (
        <Select
          label="Signing secret"
          name="rotateSecret"
          defaultValue="false"
          options={[
            { value: "false", label: "Keep the current secret" },
            { value: "true", label: "Make a new secret (the old one stops at once)" },
          ]}
          error={fieldError(state, "rotateSecret")}
        />
      ) : null}
      <div>
        <SubmitButton>{current ? "Save webhook" : "Create webhook"}</SubmitButton>
      </div>
    </form>
  );
}
