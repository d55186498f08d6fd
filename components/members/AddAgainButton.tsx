"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import type { AddedMember } from "@/lib/services/members/add-member";
import type { AddMemberAction } from "./AddMemberForm";
import { memberAddedMessage } from "./permission-counts";

/** Adds a removed member again: their dormant grants and roles come back with them. */
export function AddAgainButton({
  action,
  project,
  email,
}: {
  action: AddMemberAction;
  project: string;
  email: string;
}) {
  const [, submit] = useActionState(async (previous: ActionState<AddedMember>, formData: FormData) => {
    const result = await action(previous, formData);
    // Toast here, not in an effect: on success the row changes (or leaves a "removed" view) and this button unmounts.
    if (result?.ok && result.data) {
      const { message, description } = memberAddedMessage(result.data, project);
      toast(message, { tone: "success", description });
    } else if (result && !result.ok) {
      toast(result.error.message, { tone: "danger" });
    }
    return result;
  }, null);
  return (
    <form action={submit}>
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="email" value={email} />
      <SubmitButton variant="secondary" size="sm">
        Add again<span className="sr-only"> {email}</span>
      </SubmitButton>
    </form>
  );
}
