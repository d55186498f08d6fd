"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormError } from "@/components/ui/FormError";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type MarkAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/** Marks one notification (with `id`) or all of them read. */
export function MarkReadButton({ action, id, label }: { action: MarkAction; id?: string; label: string }) {
  const [state, submit] = useActionState(action, null);
  return (
    <form action={submit} aria-label={label}>
      <FormError state={state} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <SubmitButton variant="secondary" size="sm">
        {label}
      </SubmitButton>
    </form>
  );
}
