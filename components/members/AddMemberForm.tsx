"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import type { AddedMember } from "@/lib/services/members/add-member";
import { memberAddedMessage } from "./permission-counts";

export type AddMemberAction = (
  state: ActionState<AddedMember>,
  formData: FormData,
) => Promise<ActionState<AddedMember>>;

export function AddMemberForm({ action, project }: { action: AddMemberAction; project: string }) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && state.data) {
      const { message, description } = memberAddedMessage(state.data, project);
      toast(message, { tone: "success", description });
      form.current?.reset();
    }
  }, [state, project]);
  return (
    <form ref={form} action={submit} className="grid gap-4" aria-label="Add a member">
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <TextInput
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="off"
        hint="The primary account of any Alibaba Cloud account, or a RAM user of this project's account. RAM users of another account cannot be added."
        error={fieldError(state, "email")}
        defaultValue={fieldValue(state, "email")}
      />
      <div>
        <SubmitButton>Add member</SubmitButton>
      </div>
    </form>
  );
}
