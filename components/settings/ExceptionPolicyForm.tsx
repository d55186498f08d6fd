"use client";

import { useActionState, useEffect, useId, useMemo, useState } from "react";
import { parsePolicyDocument } from "@/lib/authz";
import type { AdminVerdict } from "@/lib/authorize/admin-verdict";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DisabledReason } from "@/components/ui/DisabledReason";
import { Field } from "@/components/ui/Field";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { fieldError, type ActionResult, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { JsonEditor } from "@/components/policies/JsonEditor";
import { PolicyProblems } from "@/components/policies/PolicyProblems";

type UpdateAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/** The policy that lets chosen data leave a protected project (`set ProjectProtection=true with exception`). */
export function ExceptionPolicyForm({
  project,
  document,
  change,
  action,
}: {
  project: string;
  document: string;
  change: AdminVerdict;
  action: UpdateAction;
}) {
  const [state, submit] = useActionState(action, null);
  const [text, setText] = useState(document);
  const problemsId = useId();
  const parsed = useMemo(() => (text.trim() === "" ? null : parsePolicyDocument(text, "project")), [text]);
  useEffect(() => {
    if (state?.ok) toast("Exception policy saved", { tone: "success" });
  }, [state]);

  const blocker = !change.allowed
    ? `${change.reason}.`
    : parsed === null
      ? "Write the exception policy first."
      : !parsed.ok
        ? "Fix the errors first."
        : text === document
          ? "Nothing changed."
          : null;
  return (
    <div className="grid gap-4">
      <form action={submit} className="grid gap-4" aria-label="Exception policy">
        <FormError state={state} />
        <input type="hidden" name="project" value={project} />
        <Field
          label="Exception policy"
          error={fieldError(state, "ExceptionPolicy")}
          hint="Policy JSON; every statement names its Principal. An Allow lets the matching data leave the project; a Deny in it wins."
        >
          {(control) => (
            <JsonEditor
              {...control}
              aria-describedby={[control["aria-describedby"], problemsId].filter(Boolean).join(" ")}
              aria-invalid={parsed?.ok === false || control["aria-invalid"] ? true : undefined}
              name="ExceptionPolicy"
              rows={12}
              value={text}
              onChange={(event) => setText(event.target.value)}
              readOnly={!change.allowed}
              placeholder='{ "Version": "1", "Statement": [ ... ] }'
            />
          )}
        </Field>
        {parsed ? (
          <PolicyProblems id={problemsId} result={parsed} />
        ) : (
          <p id={problemsId} className="text-xs text-slate-500">
            No exception policy: nothing leaves the protected project but through trusted projects and packages.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {blocker === null ? (
            <SubmitButton>Save exception policy</SubmitButton>
          ) : (
            <DisabledReason variant="primary" reason={blocker}>
              Save exception policy
            </DisabledReason>
          )}
        </div>
      </form>
      {change.allowed && document !== "" ? (
        <div>
          <ConfirmDialog
            triggerLabel="Remove exception policy"
            triggerVariant="secondary"
            title="Remove the exception policy?"
            confirmLabel="Remove"
            action={action}
            fields={{ project, ExceptionPolicy: "" }}
            successMessage="Exception policy removed"
          >
            <p>Data that only the exception policy let out of {project} will stay in while ProjectProtection is on.</p>
          </ConfirmDialog>
        </div>
      ) : null}
    </div>
  );
}
