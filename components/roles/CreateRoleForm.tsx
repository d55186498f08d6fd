"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { Textarea } from "@/components/ui/Textarea";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type CreatedRole = { name: string };
type CreateRoleAction = (state: ActionState<CreatedRole>, formData: FormData) => Promise<ActionState<CreatedRole>>;

export function CreateRoleForm({ action, project }: { action: CreateRoleAction; project: string }) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      toast(`Role ${state.data?.name ?? ""} created in ${project}`, { tone: "success" });
      form.current?.reset();
    }
  }, [state, project]);
  return (
    <form ref={form} action={submit} className="grid gap-4" aria-label="Create a custom role">
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <TextInput
        label="Role name"
        name="name"
        required
        autoComplete="off"
        hint="Letters, digits and underscores, starting with a letter; unique in the project whatever the case."
        error={fieldError(state, "name")}
        defaultValue={fieldValue(state, "name")}
      />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        error={fieldError(state, "description")}
        defaultValue={fieldValue(state, "description")}
      />
      <div>
        <SubmitButton>Create role</SubmitButton>
      </div>
    </form>
  );
}
