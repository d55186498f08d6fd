"use client";

import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type ToggleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionState<unknown>>;

/** Disables or re-enables one sub-account; a disabled user is signed out on their next request. */
export function UserDisabledToggle({
  action,
  userId,
  email,
  disabled,
}: {
  action: ToggleAction;
  userId: string;
  email: string;
  disabled: boolean;
}) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state && !state.ok) toast(state.error.message, { tone: "danger" });
    if (state?.ok) toast(`${email} ${disabled ? "disabled" : "enabled"}`, { tone: "success" });
  }, [state, email, disabled]);
  return (
    <form action={submit}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <SubmitButton
        variant={disabled ? "secondary" : "danger"}
        size="sm"
        aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
      >
        {disabled ? "Enable" : "Disable"}
      </SubmitButton>
    </form>
  );
}
