"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { Textarea } from "@/components/ui/Textarea";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type CreateProjectAction = (
  state: ActionState<{ name: string }>,
  formData: FormData,
) => Promise<ActionState<{ name: string }>>;

export function CreateProjectForm({ action }: { action: CreateProjectAction }) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      toast(`Project ${state.data?.name ?? ""} created`, { tone: "success" });
      form.current?.reset();
    }
  }, [state]);
  return (
    <form ref={form} action={submit} className="grid gap-4" aria-label="Create a project">
      <FormError state={state} />
      <TextInput
        label="Name"
        name="name"
        required
        hint="3–28 letters, digits or underscores, starting with a letter. Names are unique across the warehouse."
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
        <SubmitButton>Create project</SubmitButton>
      </div>
    </form>
  );
}
