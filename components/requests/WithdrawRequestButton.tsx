"use client";

import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type WithdrawAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

export function WithdrawRequestButton({
  id,
  summary,
  action,
}: {
  id: string;
  summary: string;
  action: WithdrawAction;
}) {
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          Withdraw<span className="sr-only"> the request for {summary}</span>
        </>
      }
      triggerSize="sm"
      title="Withdraw this request?"
      confirmLabel="Withdraw"
      action={action}
      fields={{ id }}
      successMessage="Request withdrawn"
    >
      <p>Your request for {summary} will no longer reach its approvers. You may ask again later.</p>
    </ConfirmDialog>
  );
}
