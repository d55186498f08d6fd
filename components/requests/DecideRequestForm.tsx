"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/FormError";
import { TextInput } from "@/components/ui/TextInput";
import type { ActionResult, ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type DecisionAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * Toasts from the action itself rather than an effect: a decided request leaves the pending list as the page
 * revalidates, unmounting this form before an effect would run.
 */
const toasting =
  (action: DecisionAction, message: string): DecisionAction =>
  async (state, formData) => {
    const result = await action(state, formData);
    if (result.ok) toast(message, { tone: "success" });
    return result;
  };

/** Approve or deny one request, with a comment (a denial's comment tells the requester why). */
export function DecideRequestForm({
  id,
  summary,
  approveAction,
  denyAction,
}: {
  id: string;
  summary: string;
  approveAction: DecisionAction;
  denyAction: DecisionAction;
}) {
  const [approved, approve, approving] = useActionState(toasting(approveAction, "Request approved"), null);
  const [denied, deny, denying] = useActionState(toasting(denyAction, "Request denied"), null);
  return (
    <form className="grid min-w-56 gap-2" aria-label={`Decide the request for ${summary}`}>
      <FormError state={approved?.ok === false ? approved : denied} />
      <input type="hidden" name="id" value={id} />
      <TextInput label="Comment" name="comment" maxLength={1000} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" formAction={approve} loading={approving} disabled={denying}>
          Approve
        </Button>
        <Button type="submit" size="sm" variant="secondary" formAction={deny} loading={denying} disabled={approving}>
          Deny
        </Button>
      </div>
    </form>
  );
}
