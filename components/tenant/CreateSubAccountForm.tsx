"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type CreateAction = (
  state: ActionState<{ principal: string }>,
  formData: FormData,
) => Promise<ActionState<{ principal: string }>>;

export function CreateSubAccountForm({ action, tenant }: { action: CreateAction; tenant: string }) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      toast(`Sub-account ${state.data?.principal ?? ""} created`, { tone: "success" });
      form.current?.reset();
    }
  }, [state]);
  return (
    <form ref={form} action={submit} className="grid gap-4" aria-label="Create a sub-account">
      <FormError state={state} />
      <TextInput
        label="Name"
        name="name"
        required
        hint={`Signs statements as RAM$${tenant}:<name>.`}
        error={fieldError(state, "name")}
        defaultValue={fieldValue(state, "name")}
      />
      <TextInput
        label="Display name"
        name="displayName"
        required
        error={fieldError(state, "displayName")}
        defaultValue={fieldValue(state, "displayName")}
      />
      <TextInput
        label="Email"
        name="email"
        type="email"
        required
        hint="They sign in with it."
        error={fieldError(state, "email")}
        defaultValue={fieldValue(state, "email")}
      />
      <PasswordInput
        label="Initial password"
        name="password"
        required
        autoComplete="new-password"
        hint="At least 15 characters; a few words make a strong one."
        error={fieldError(state, "password")}
      />
      <div>
        <SubmitButton>Create sub-account</SubmitButton>
      </div>
    </form>
  );
}
