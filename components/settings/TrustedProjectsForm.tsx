"use client";

import { useActionState, useEffect, useRef } from "react";
import type { AdminVerdict } from "@/lib/authorize/admin-verdict";
import { Alert } from "@/components/ui/Alert";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionResult, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type TrustAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

type TrustedProjectsFormProps = {
  project: string;
  names: string[];
  change: AdminVerdict;
  addAction: TrustAction;
  removeAction: TrustAction;
};

/** Projects that data of this protected project may flow to (`add trustedproject = <name>`). */
export function TrustedProjectsForm({ project, names, change, addAction, removeAction }: TrustedProjectsFormProps) {
  const [state, submit] = useActionState(addAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      toast("Trusted project added", { tone: "success" });
      form.current?.reset();
    }
  }, [state]);
  return (
    <div className="grid gap-4">
      {names.length === 0 ? (
        <p className="text-sm text-slate-600">No trusted projects.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Trusted projects">
          {names.map((name) => (
            <li key={name} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="font-medium">{name}</span>
              {change.allowed ? (
                <ConfirmDialog
                  triggerLabel={
                    <>
                      Remove<span className="sr-only"> {name}</span>
                    </>
                  }
                  triggerSize="sm"
                  title={`Stop trusting ${name}?`}
                  confirmLabel="Stop trusting"
                  action={removeAction}
                  fields={{ project, trustedProject: name }}
                  successMessage={`${name} is no longer trusted`}
                >
                  <p>
                    While ProjectProtection is on, data of {project} will no longer flow to {name}.
                  </p>
                </ConfirmDialog>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {change.allowed ? (
        <form ref={form} action={submit} className="flex flex-wrap items-end gap-2" aria-label="Trust a project">
          <FormError state={state} className="w-full" />
          <input type="hidden" name="project" value={project} />
          <TextInput
            label="Project name"
            name="trustedProject"
            required
            defaultValue={fieldValue(state, "trustedProject")}
            error={fieldError(state, "trustedProject")}
            className="min-w-56 flex-1"
          />
          <SubmitButton>Trust project</SubmitButton>
        </form>
      ) : (
        <Alert tone="info">{change.reason}.</Alert>
      )}
    </div>
  );
}
