"use client";

import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/FormError";
import { TextInput } from "@/components/ui/TextInput";
import type { ActionResult, ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type DecisionAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

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
  const [approved, approve, approving] = useActionState(approveAction, null);
  const [denied, deny, denying] = useActionState(denyAction, null);
  useEffect(() => {
    if (approved?.ok) toast("Request approved", { tone: "success" });
  }, [approved]);
  useEffect(() => {
    if (denied?.ok) toast("Request denied", { tone: "success" });
  }, [denied]);
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
