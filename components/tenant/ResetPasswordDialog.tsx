"use client";

import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { PasswordInput } from "@/components/ui/PasswordInput";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type ResetAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/** Sets a new password for a sub-account; their open sessions end on their next request. */
export function ResetPasswordDialog({ action, userId, email }: { action: ResetAction; userId: string; email: string }) {
  return (
    <ConfirmDialog
      triggerLabel="Reset password"
      triggerVariant="secondary"
      triggerSize="sm"
      title={`Reset the password of ${email}`}
      confirmLabel="Set password"
      confirmVariant="primary"
      action={action}
      fields={{ userId }}
      successMessage={`Password of ${email} reset; their sessions have ended.`}
    >
      <p>Their open sessions end on their next request. Tell them the new password through a separate channel.</p>
      <PasswordInput
        label="New password"
        name="password"
        required
        autoComplete="new-password"
        hint="At least 15 characters."
      />
    </ConfirmDialog>
  );
}
